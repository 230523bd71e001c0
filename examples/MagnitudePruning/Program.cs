using EcsNet.Examples.MagnitudePruning;

// Iris, pruning a quarter of the remaining synapses by |w| every 10 epochs while the network trains.
var run = MagnitudePruningExample.Run(log: Console.Out);
run.Net.Dispose();
