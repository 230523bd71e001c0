namespace EcsNet.Data;

/// <summary>Fits per-feature input normalizations on a data set (sums in double precision).</summary>
public static class Normalization
{
    /// <summary>
    /// Min-max scaling to [0, 1] on the fitted data: (x − min) / (max − min). A constant feature maps to 0
    /// (scale 1) rather than dividing by zero.
    /// </summary>
    /// <param name="d">Non-empty data set to fit on.</param>
    public static Normalizer FitMinMax(DataSet d)
    {
        CheckNotEmpty(d);
        int width = d.InputSize;
        var offsets = new float[width];
        var scales = new float[width];
        for (int f = 0; f < width; f++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (int i = 0; i < d.Count; i++)
            {
                float x = d.Inputs[i * width + f];
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
            double range = (double)max - min;
            offsets[f] = min;
            scales[f] = Scale(range);
        }
        return new Normalizer(offsets, scales);
    }

    /// <summary>
    /// Z-score standardization: (x − mean) / σ with the population standard deviation. A constant feature maps
    /// to 0 (scale 1) rather than dividing by zero.
    /// </summary>
    /// <param name="d">Non-empty data set to fit on.</param>
    public static Normalizer FitZScore(DataSet d)
    {
        CheckNotEmpty(d);
        int width = d.InputSize;
        var offsets = new float[width];
        var scales = new float[width];
        for (int f = 0; f < width; f++)
        {
            double sum = 0;
            for (int i = 0; i < d.Count; i++)
            {
                sum += d.Inputs[i * width + f];
            }
            double mean = sum / d.Count;
            double squares = 0;
            for (int i = 0; i < d.Count; i++)
            {
                double dev = d.Inputs[i * width + f] - mean;
                squares += dev * dev;
            }
            offsets[f] = (float)mean;
            scales[f] = Scale(Math.Sqrt(squares / d.Count));
        }
        return new Normalizer(offsets, scales);
    }

    /// <summary>1 / spread, or 1 when the spread is zero or so small that its reciprocal is not a finite float.</summary>
    private static float Scale(double spread)
    {
        float scale = (float)(1.0 / spread);
        return spread > 0 && float.IsFinite(scale) ? scale : 1f;
    }

    private static void CheckNotEmpty(DataSet d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Count == 0)
        {
            throw new ArgumentException($"Cannot fit a normalization on the empty data set '{d.Name}'.", nameof(d));
        }
    }
}
