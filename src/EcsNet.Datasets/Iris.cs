using EcsNet.Data;

namespace EcsNet.Datasets;

/// <summary>Fisher's Iris data (150 samples) from the copy embedded in this assembly.</summary>
public static class Iris
{
    /// <summary>
    /// Loads the embedded Iris set: 4 features (sepal length/width, petal length/width in cm), 3 classes one-hot
    /// with <see cref="DataSet.ClassNames"/> setosa, versicolor, virginica and <see cref="DataSet.Labels"/> set.
    /// </summary>
    public static DataSet Load()
    {
        using var stream = EmbeddedData.Open("iris.csv");
        using var reader = new StreamReader(stream);
        return CsvDataReader.Read(reader, "iris.csv", labelColumn: "species", name: "iris");
    }
}
