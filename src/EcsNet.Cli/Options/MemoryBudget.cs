using System.Globalization;
using EcsNet.Training;

namespace EcsNet.Cli.Options;

/// <summary>
/// Estimates the memory a fully connected network needs before it is built, so that one too large for the machine is
/// refused with one line instead of dying of OutOfMemoryException after minutes of allocation.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>
    /// One synapse entity: its components (source and target slots, w, ∂C/∂w, two optimiser moments: 24 bytes), its
    /// slot in the ECS chunk and entity table, and its share of the synapse plan and tiles. Measured (75–113 bytes)
    /// by a test that builds and trains networks and compares with the managed heap's growth.
    /// </summary>
    public const long BytesPerSynapse = 112;

    /// <summary>One neuron entity with its components and table entries.</summary>
    public const long BytesPerNeuron = 256;

    /// <summary>Per neuron and sample of a batch: the z, a, δ, gradient and transposed-activation rows (5 floats).</summary>
    public const long BytesPerNeuronSample = 5 * sizeof(float);

    /// <summary>The estimate for layer sizes <paramref name="sizes"/> trained with batches of <paramref name="batch"/>.</summary>
    public static long Estimate(int[] sizes, int batch)
    {
        long synapses = 0, neurons = sizes[0];
        for (var l = 1; l < sizes.Length; l++)
        {
            synapses += (long)sizes[l - 1] * sizes[l];
            neurons += sizes[l];
        }

        // Evaluation runs batches of its own size, so the buffers grow to the larger of the two.
        var samples = Math.Max(batch, Evaluator.BatchSize);
        return checked(synapses * BytesPerSynapse + neurons * (BytesPerNeuron + samples * BytesPerNeuronSample));
    }

    /// <summary>The memory the process may use: the machine's (or the container's) physical memory.</summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Throws a one-line <see cref="UsageException"/> when the estimate exceeds the limit.</summary>
    /// <param name="sizes">Layer sizes.</param>
    /// <param name="batch">The training batch size (0 = full batch of <paramref name="samples"/>).</param>
    /// <param name="samples">Training samples.</param>
    /// <param name="limitText">--max-memory: null for the machine's memory, "none" for no check, or a size.</param>
    public static void Check(int[] sizes, int batch, int samples, string? limitText)
    {
        var limit = ParseLimit(limitText);
        if (limit is null)
        {
            return;
        }

        long estimate;
        try
        {
            estimate = Estimate(sizes, batch == 0 ? samples : Math.Min(batch, samples));
        }
        catch (OverflowException)
        {
            estimate = long.MaxValue;
        }

        if (estimate > limit)
        {
            var what = limitText is null ? "this machine has" : "--max-memory allows";
            throw new UsageException(
                $"the {string.Join('-', sizes)} network needs about {Bytes(estimate)} of memory, more than the {Bytes(limit.Value)} {what}; use smaller layers, or --max-memory SIZE (or none) to try anyway");
        }
    }

    /// <summary>null = no limit; "512MB", "16GB", "1.5GiB", plain bytes.</summary>
    public static long? ParseLimit(string? text)
    {
        if (text is null)
        {
            return Available;
        }

        var t = text.Trim().ToUpperInvariant();
        if (t is "NONE" or "OFF")
        {
            return null;
        }

        var (number, scale) = t switch
        {
            _ when t.EndsWith("GIB", StringComparison.Ordinal) || t.EndsWith("GB", StringComparison.Ordinal) || t.EndsWith('G') => (t.TrimEnd('B', 'I', 'G'), 1L << 30),
            _ when t.EndsWith("MIB", StringComparison.Ordinal) || t.EndsWith("MB", StringComparison.Ordinal) || t.EndsWith('M') => (t.TrimEnd('B', 'I', 'M'), 1L << 20),
            _ when t.EndsWith("KIB", StringComparison.Ordinal) || t.EndsWith("KB", StringComparison.Ordinal) || t.EndsWith('K') => (t.TrimEnd('B', 'I', 'K'), 1L << 10),
            _ => (t.TrimEnd('B'), 1L),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? (long)Math.Min(value * scale, long.MaxValue)
            : throw new UsageException($"--max-memory '{text}': give a size such as 512MB or 16GB, or none");
    }

    /// <summary>"7.5 GB".</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 40):0.#} TB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
    };
}
