namespace EcsNet.Data;

/// <summary>
/// MNIST handwritten digits from IDX files: pixels scaled from bytes to [0, 1], ten classes one-hot,
/// <see cref="DataSet.Labels"/> set and <see cref="DataSet.ClassNames"/> "0" … "9".
/// </summary>
public static class Mnist
{
    /// <summary>Number of classes (digits 0–9).</summary>
    public const int Classes = 10;

    private static readonly string[] DigitNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>
    /// Loads MNIST from a folder with the standard file names, raw or <c>.gz</c>:
    /// <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>, and for the test set the <c>t10k-</c>
    /// (or <c>test-</c>) equivalents. The Kaggle spelling <c>train-images.idx3-ubyte</c> is accepted too.
    /// Any number of images of any (equal) size is accepted.
    /// </summary>
    /// <param name="folder">The folder holding the four files.</param>
    /// <exception cref="DataFormatException">A file is malformed or the files disagree.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file is missing; the message lists the names tried.</exception>
    public static (DataSet Train, DataSet Test) LoadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"MNIST folder '{folder}' does not exist.");
        }
        string trainImages = Find(folder, ["train"], "images", 3);
        string trainLabels = Find(folder, ["train"], "labels", 1);
        string testImages = Find(folder, ["t10k", "test"], "images", 3);
        string testLabels = Find(folder, ["t10k", "test"], "labels", 1);
        var train = Load(trainImages, trainLabels, "mnist-train");
        var test = Load(testImages, testLabels, "mnist-test");
        CheckSameShape(train, test, testImages);
        return (train, test);
    }

    /// <summary>Loads one images/labels pair of IDX files (raw or gzip).</summary>
    /// <param name="imagesPath">IDX file of unsigned bytes with 3 dimensions (count, rows, columns).</param>
    /// <param name="labelsPath">IDX file of unsigned bytes with 1 dimension (count), values 0–9.</param>
    /// <param name="name">Name of the data set; defaults to the images file name.</param>
    /// <exception cref="DataFormatException">A file is malformed or the files disagree.</exception>
    public static DataSet Load(string imagesPath, string labelsPath, string? name = null)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        return FromIdx(images, labels, name ?? Path.GetFileName(imagesPath), imagesPath, labelsPath);
    }

    /// <summary>Builds a data set from already-read IDX arrays, validating them as MNIST images and labels.</summary>
    /// <param name="images">Images: 3 dimensions (count, rows, columns).</param>
    /// <param name="labels">Labels: 1 dimension (count), values 0–9.</param>
    /// <param name="name">Name of the data set.</param>
    /// <param name="imagesSource">Name of the images source for error messages.</param>
    /// <param name="labelsSource">Name of the labels source for error messages.</param>
    /// <exception cref="DataFormatException">The arrays are not a consistent MNIST pair.</exception>
    public static DataSet FromIdx(IdxArray images, IdxArray labels, string name, string imagesSource = "images", string labelsSource = "labels")
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Dimensions.Length != 3)
        {
            throw new DataFormatException(imagesSource, $"images need 3 dimensions (count, rows, columns) but the file has {images.Dimensions.Length}");
        }
        if (labels.Dimensions.Length != 1)
        {
            throw new DataFormatException(labelsSource, $"labels need 1 dimension (count) but the file has {labels.Dimensions.Length}");
        }
        int count = images.Count, pixels = images.ItemSize;
        if (count == 0)
        {
            throw new DataFormatException(imagesSource, "contains no images");
        }
        if (pixels == 0)
        {
            throw new DataFormatException(imagesSource, $"images are {images.Dimensions[1]}×{images.Dimensions[2]} pixels; both sizes must be positive");
        }
        if (labels.Count != count)
        {
            throw new DataFormatException(labelsSource, $"has {labels.Count} labels but {imagesSource} has {count} images");
        }

        var labelArray = new int[count];
        var targets = new float[count * Classes];
        for (int i = 0; i < count; i++)
        {
            int label = labels.Data[i];
            if (label >= Classes)
            {
                throw new DataFormatException(labelsSource, $"record {i}: label {label} is not a digit 0–9");
            }
            labelArray[i] = label;
            targets[i * Classes + label] = 1f;
        }
        var inputs = new float[images.Data.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = images.Data[i] / 255f;
        }
        return new DataSet(name, inputs, targets, pixels, Classes, labelArray, DigitNames);
    }

    private static string Find(string folder, string[] prefixes, string kind, int dims)
    {
        var tried = new List<string>();
        foreach (string prefix in prefixes)
        {
            foreach (string separator in new[] { "-", "." })
            {
                foreach (string extension in new[] { "", ".gz" })
                {
                    string file = $"{prefix}-{kind}{separator}idx{dims}-ubyte{extension}";
                    string path = Path.Combine(folder, file);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                    tried.Add(file);
                }
            }
        }
        throw new FileNotFoundException($"MNIST folder '{folder}' has no {prefixes[0]} {kind} file; looked for {string.Join(", ", tried)}.");
    }

    private static void CheckSameShape(DataSet train, DataSet test, string testSource)
    {
        if (train.InputSize != test.InputSize)
        {
            throw new DataFormatException(testSource, $"test images have {test.InputSize} pixels but training images have {train.InputSize}");
        }
    }
}
