namespace EcsNet.Training;

/// <summary>What the weight-update pass needs: the optimiser, η, the 1/m scale, the penalties and the step count t.</summary>
internal readonly record struct UpdateSettings(Optimizer Optimizer, float LearningRate, float Scale, float L1, float L2, long Step);
