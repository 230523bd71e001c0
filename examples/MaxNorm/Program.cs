using EcsNet.Examples.MaxNorm;

// Iris with every neuron's incoming weights held to ‖w_j‖ ≤ 1.5 by a system that runs after each update.
var run = MaxNormExample.Run(maxNorm: 1.5f, log: Console.Out);
run.Net.Dispose();
