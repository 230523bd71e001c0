using System.Runtime.CompilerServices;

namespace EcsNet.Ecs.Tests;

public struct Position
{
    public float X;
    public float Y;

    public Position(float x, float y)
    {
        X = x;
        Y = y;
    }
}

public struct Velocity
{
    public float X;
    public float Y;

    public Velocity(float x, float y)
    {
        X = x;
        Y = y;
    }
}

public struct Mass
{
    public double Value;

    public Mass(double value) => Value = value;
}

public struct Health
{
    public int Value;

    public Health(int value) => Value = value;
}

public struct Frozen
{
}

/// <summary>A 1 KiB component, so that chunks hold only the minimum of 16 entities.</summary>
public struct Huge
{
    public long Value;
    public Padding1K Padding;

    public Huge(long value)
    {
        Value = value;
        Padding = default;
    }
}

[InlineArray(127)]
public struct Padding1K
{
    private long _element;
}

/// <summary>A component holding a reference, to check that managed components work too.</summary>
public struct Label
{
    public string? Text;

    public Label(string text) => Text = text;
}
