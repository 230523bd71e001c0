using EcsNet.Examples.TanhNeurons;

// Three tanh neurons in a sigmoid layer, each marked by an OwnFunction component, trained on Iris.
var run = TanhNeuronsExample.Run(log: Console.Out);
run.Net.Dispose();
