using BenchmarkDotNet.Running;
using VeSiting.Benchmarks;

// Run by hand: dotnet run -c Release --project bench/VeSiting.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, new ShortRunConfig());
