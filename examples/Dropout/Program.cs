using EcsNet.Examples.Dropout;

// Iris with inverted dropout on the hidden layer: a mask per neuron, drawn by a system before each training step.
var run = DropoutExample.Run(log: Console.Out);
run.Net.Dispose();
