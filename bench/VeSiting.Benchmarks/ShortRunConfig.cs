using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace VeSiting.Benchmarks;

/// <summary>
/// A short run (one launch, 3 warm-up iterations; 9 measured ones instead of ShortRun's 3, as the machine is shared
/// and noisy) in this process: the real data set is loaded once for every benchmark instead of once per generated
/// benchmark process, and no benchmark project is generated and built under the repository's warnings-as-errors
/// settings. Medians are shown beside means. A full run takes a few minutes.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        Add(DefaultConfig.Instance); // loggers, exporters (Markdown for GitHub), columns, analysers
        AddJob(Job.ShortRun.WithIterationCount(9).WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddColumn(StatisticColumn.Median);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableLogFile); // no joined summary: each class is its own table with its own baseline
    }
}
