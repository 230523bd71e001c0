namespace EcsNet.Training;

/// <summary>Where training is inside an epoch: reported after every mini-batch.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="Epochs">The epochs asked for.</param>
/// <param name="SamplesDone">Samples of this epoch seen so far.</param>
/// <param name="SamplesTotal">Samples per epoch.</param>
/// <param name="Cost">The running mean cost of this epoch's samples so far.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int SamplesDone, int SamplesTotal, double Cost);
