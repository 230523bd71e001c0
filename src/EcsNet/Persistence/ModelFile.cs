using System.Text;

namespace EcsNet.Persistence;

/// <summary>Reads, validates and writes model files in the <c>ecsnet-model/1</c> JSON format.</summary>
/// <remarks>
/// Every float survives a save/load round trip bit for bit, and save → load → save is byte-identical.
/// All validation failures throw <see cref="ModelFormatException"/> naming the source, the JSON path and the problem.
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string Format = "ecsnet-model/1";

    /// <summary>Largest accepted layer size (2^24 neurons), so a corrupted size cannot request an absurd network.</summary>
    public const int MaxLayerSize = 1 << 24;

    /// <summary>Largest accepted model file (1 GiB).</summary>
    public const long MaxFileBytes = 1L << 30;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and validates the model file at <paramref name="path"/>.</summary>
    /// <param name="path">File path; error messages name it.</param>
    /// <exception cref="ModelFormatException">The file is not a valid model.</exception>
    /// <exception cref="IOException">The file cannot be read (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static ModelSpec Read(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            if (stream.Length > MaxFileBytes)
            {
                throw new ModelFormatException(path, null, $"file is {stream.Length} bytes, more than the {MaxFileBytes >> 30} GiB limit");
            }
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        return ModelJsonReader.Parse(bytes, path);
    }

    /// <summary>Parses and validates model JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <exception cref="ModelFormatException">The text is not a valid model.</exception>
    public static ModelSpec Parse(string json, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(json);
        return ModelJsonReader.Parse(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Checks <paramref name="spec"/> against every rule of the format without serializing it.</summary>
    /// <param name="spec">The model to check.</param>
    /// <param name="sourceName">Name used in error messages.</param>
    /// <exception cref="ModelFormatException">The model breaks a rule (e.g. a NaN weight or a row of the wrong length).</exception>
    public static void Validate(ModelSpec spec, string sourceName = "<model>") => ModelValidator.Validate(spec, sourceName);

    /// <summary>Validates <paramref name="spec"/> and serializes it in the fixed, deterministic layout.</summary>
    /// <param name="spec">The model to write.</param>
    /// <exception cref="ModelFormatException">The model breaks a rule (e.g. a NaN weight); nothing is produced.</exception>
    public static string ToJson(ModelSpec spec)
    {
        ModelValidator.Validate(spec, "<model>");
        return ModelJsonWriter.Write(spec);
    }

    /// <summary>
    /// Writes <paramref name="spec"/> to <paramref name="path"/> atomically: the JSON goes to a temporary file in
    /// the same folder, is flushed to disk, then renamed over the target, so the target is always either the old or
    /// the new complete model. If validation or the write fails the target is not touched and no temporary file is
    /// left behind; temporary files of the same target that a killed writer left are removed.
    /// </summary>
    /// <param name="spec">The model to write.</param>
    /// <param name="path">Target file path.</param>
    /// <exception cref="ModelFormatException">The model breaks a rule; the target is unchanged.</exception>
    /// <exception cref="IOException">The file system refused the write (the message names <paramref name="path"/>); the target is unchanged.</exception>
    public static void Write(ModelSpec spec, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = Utf8.GetBytes(ToJson(spec));
        string target = TargetOf(path);
        string temp = TempFile.For(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(bytes);
                // Reach the disk before the rename, or a crash could leave the new name pointing at missing data.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TempFile.TryDelete(temp);
            // The temporary name is an implementation detail: report the file the caller asked for.
            throw new IOException($"{path}: cannot write the model ({TempFile.Reason(e, temp, path)})", e);
        }
        catch
        {
            TempFile.TryDelete(temp);
            throw;
        }
        TempFile.SweepStale(target);
    }

    /// <summary>
    /// Checks, before any long work, that <see cref="Write"/> could create <paramref name="path"/>: the path is not a
    /// folder, its folder exists, and a file can be created there (a probe file is created and deleted).
    /// </summary>
    /// <param name="path">Target file path.</param>
    /// <exception cref="IOException">The model could not be written there; the message names <paramref name="path"/> and why.</exception>
    public static void CheckWritable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string target = TargetOf(path);
        string folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new IOException($"{path}: folder '{folder}' does not exist");
        }
        string probe = TempFile.For(target);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot write in folder '{folder}' ({TempFile.Reason(e, probe, path)})", e);
        }
        finally
        {
            TempFile.TryDelete(probe);
        }
    }

    /// <summary>The full target path; a folder (or a path ending in a separator) is refused with a message saying so.</summary>
    private static string TargetOf(string path)
    {
        if (path.Length == 0)
        {
            throw new IOException("the model path is empty");
        }
        string target = Path.GetFullPath(path);
        if (Directory.Exists(target) || Path.EndsInDirectorySeparator(path))
        {
            throw new IOException($"{path}: is a folder; give a file name, such as {Path.Combine(path, "model.json")}");
        }
        return target;
    }
}
