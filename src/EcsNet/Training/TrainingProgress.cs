namespace EcsNet.Training;

/// <summary>Where training is inside an epoch: reported after every mini-batch.</summary>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int SamplesDone, int SamplesTotal);
