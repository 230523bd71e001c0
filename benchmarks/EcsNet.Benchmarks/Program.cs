using BenchmarkDotNet.Running;

// Run everything:   dotnet run -c Release --project benchmarks/EcsNet.Benchmarks -- --filter '*'
// Run one class:    dotnet run -c Release --project benchmarks/EcsNet.Benchmarks -- --filter '*Iteration*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
