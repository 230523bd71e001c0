namespace EcsNet.Benchmarks.Ecs;

/// <summary>Component types of the ECS benchmarks (the same structs fill the plain-array baselines).</summary>
public struct Position
{
    public float X;
    public float Y;
}

public struct Velocity
{
    public float X;
    public float Y;
}

public struct Mass
{
    public float Value;
}

public struct Tag
{
}
