namespace EcsNet.Datasets.Tests;

public class IrisTests
{
    [Fact]
    public void EmbeddedIrisMatchesTheCsv()
    {
        var iris = Iris.Load();
        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.InputSize);
        Assert.Equal(3, iris.OutputSize);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames!);
        // First and last rows of shared/data/iris.csv: 5.1,3.5,1.4,0.2,setosa and 5.9,3.0,5.1,1.8,virginica.
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.Input(0).ToArray());
        Assert.Equal([1f, 0f, 0f], iris.Target(0).ToArray());
        Assert.Equal([5.9f, 3.0f, 5.1f, 1.8f], iris.Input(149).ToArray());
        Assert.Equal(2, iris.Labels![149]);
        Assert.Equal([50, 50, 50], iris.Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }
}
