namespace EcsNet.Rules;

/// <summary>The outcome of <see cref="PerceptronRule.Train"/>.</summary>
/// <param name="Converged">True when an epoch classified every example correctly (and so changed nothing).</param>
/// <param name="Epochs">The number of epochs run, the error-free one included.</param>
/// <param name="ErrorsPerEpoch">How many examples were misclassified in each epoch (as met, before their update).</param>
/// <param name="Message">What happened, in words; when it did not converge it says so and why that can happen.</param>
public sealed record PerceptronResult(bool Converged, int Epochs, IReadOnlyList<int> ErrorsPerEpoch, string Message);
