using System.Globalization;

namespace EcsNet.Cli.Lessons;

/// <summary>A worked example of a deck: where it is, the command that replays it, and a function computing it.</summary>
/// <param name="Id">The name <c>ecsnet lessons ID</c> takes.</param>
/// <param name="Title">What the example shows.</param>
/// <param name="Deck">The deck and slide it comes from.</param>
/// <param name="Command">The ecsnet command that shows the same numbers, for the student to run by hand.</param>
/// <param name="Run">Computes the example with EcsNet and compares it with the deck.</param>
internal sealed record Lesson(string Id, string Title, string Deck, string Command, Func<LessonResult> Run);

/// <summary>A lesson's checks and the notes that explain them (where a deck contradicts itself, among others).</summary>
internal sealed record LessonResult(IReadOnlyList<LessonCheck> Checks, IReadOnlyList<string> Notes);

/// <summary>
/// One published number beside EcsNet's. They agree when EcsNet's value rounds to the deck's at the precision the
/// deck printed (half a unit of its last digit), or within <see cref="Tolerance"/> when a lesson says why it needs one.
/// </summary>
/// <param name="Quantity">What the number is, in the deck's notation.</param>
/// <param name="DeckValue">The number as the deck printed it ("0.66", "2.14"); null when the deck states no number
/// and the reference is the deck's formula evaluated in double precision (<see cref="Reference"/>).</param>
/// <param name="Value">EcsNet's value.</param>
/// <param name="Reference">The formula's value when <see cref="DeckValue"/> is null.</param>
/// <param name="Tolerance">An explicit tolerance replacing the printed precision (explained in the lesson's notes).</param>
internal sealed record LessonCheck(string Quantity, string? DeckValue, double Value, double? Reference = null, double? Tolerance = null)
{
    /// <summary>The number compared with: the deck's, else the formula's.</summary>
    public double Expected => DeckValue is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : Reference!.Value;

    /// <summary>Half a unit of the deck's last printed digit (1e-6 relative for a formula's double value).</summary>
    public double Allowed => Tolerance ?? (DeckValue is { } text ? HalfUnit(text) : 1e-6 * Math.Max(1, Math.Abs(Reference!.Value)));

    /// <summary>Whether EcsNet's value agrees with the deck at the deck's precision.</summary>
    public bool Agrees => Math.Abs(Value - Expected) <= Allowed * (1 + 1e-9);

    private static double HalfUnit(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        return 0.5 * Math.Pow(10, -decimals);
    }
}
