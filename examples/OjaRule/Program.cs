using EcsNet.Examples.OjaRule;

// A linear unit finds the first principal component of 2-D Gaussian data by a local rule run as a system.
OjaRuleExample.Run(log: Console.Out);
