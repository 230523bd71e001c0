namespace EcsNet.Training;

/// <summary>Cost, accuracy and per-sample predictions of a network on a data set.</summary>
public sealed record Evaluation(double Cost, int Correct, int Count, int[] Predictions, int[] Truth)
{
    /// <summary>Correct / Count.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>The confusion matrix [truth, prediction] over <paramref name="classes"/> classes.</summary>
    public int[,] Confusion(int classes)
    {
        var matrix = new int[classes, classes];
        for (var i = 0; i < Count; i++)
        {
            matrix[Truth[i], Predictions[i]]++;
        }

        return matrix;
    }
}
