namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Declares the mini-batch size of a workload whose benchmarks have no <c>Batch</c> parameter, so the
/// samples/s and ns/synapse/sample columns can be derived from the measured time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SamplesPerStepAttribute(int samples) : Attribute
{
    /// <summary>Samples processed by one benchmark invocation (one training step).</summary>
    public int Samples { get; } = samples;
}
