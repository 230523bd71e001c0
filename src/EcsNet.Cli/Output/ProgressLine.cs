using System.Diagnostics;
using System.Globalization;
using EcsNet.Training;

namespace EcsNet.Cli.Output;

/// <summary>
/// A one-line progress bar redrawn in place with '\r': the epoch, the bar, the running cost, samples/s and the ETA of
/// the epoch and of the run. Plain characters only (no colour), so it needs no colour detection and honours NO_COLOR.
/// </summary>
internal sealed class ProgressLine(TextWriter output, int width)
{
    /// <summary>Redraws at most this often, so printing never slows training down.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _run = Stopwatch.StartNew();
    private readonly Stopwatch _epoch = new();
    private readonly Stopwatch _sinceDraw = new();
    private long _samplesBeforeEpoch;
    private int _epochNumber;
    private bool _drawn;

    /// <summary>Called after every mini-batch.</summary>
    public void Update(TrainingProgress p)
    {
        if (p.Epoch != _epochNumber)
        {
            _epochNumber = p.Epoch;
            _epoch.Restart();
        }

        if (_drawn && _sinceDraw.Elapsed < Interval && p.SamplesDone < p.SamplesTotal)
        {
            return;
        }

        Draw(Text(p));
    }

    /// <summary>Replaces the bar by <paramref name="line"/> (an epoch line), or clears it when null.</summary>
    public void Finish(string? line, int samplesInEpoch)
    {
        _samplesBeforeEpoch += samplesInEpoch;
        if (_drawn)
        {
            output.Write('\r' + new string(' ', Math.Max(0, width - 1)) + '\r');
            _drawn = false;
        }

        if (line is not null)
        {
            output.WriteLine(line);
        }

        output.Flush();
    }

    /// <summary>"epoch 3/30 [#######.......]  45%  cost 0.1234  81,000 samples/s  ETA 0:01 (run 0:27)".</summary>
    public string Text(TrainingProgress p)
    {
        var c = CultureInfo.InvariantCulture;
        var fraction = p.SamplesTotal == 0 ? 1 : (double)p.SamplesDone / p.SamplesTotal;
        var epochSeconds = Math.Max(_epoch.Elapsed.TotalSeconds, 1e-9);
        var rate = p.SamplesDone / epochSeconds;
        var runRate = (_samplesBeforeEpoch + p.SamplesDone) / Math.Max(_run.Elapsed.TotalSeconds, 1e-9);
        var epochLeft = (p.SamplesTotal - p.SamplesDone) / Math.Max(rate, 1e-9);
        var runLeft = ((long)(p.Epochs - p.Epoch) * p.SamplesTotal + p.SamplesTotal - p.SamplesDone) / Math.Max(runRate, 1e-9);
        var head = string.Create(c, $"epoch {p.Epoch}/{p.Epochs} ");
        var tail = string.Create(c, $" {fraction * 100,3:F0}%  cost {Fmt.Number(p.Cost)}  {rate:N0} samples/s  ETA {Fmt.Duration(epochLeft)} (run {Fmt.Duration(runLeft)})");
        var barWidth = Math.Clamp(width - 1 - head.Length - tail.Length - 2, 0, 40);
        var filled = (int)Math.Round(fraction * barWidth);
        var bar = barWidth == 0 ? "" : "[" + new string('#', filled) + new string('.', barWidth - filled) + "]";
        var text = head + bar + tail;
        return text.Length < width ? text : text[..Math.Max(0, width - 1)];
    }

    private void Draw(string text)
    {
        output.Write('\r' + text.PadRight(Math.Max(0, width - 1)));
        output.Flush();
        _drawn = true;
        _sinceDraw.Restart();
    }
}
