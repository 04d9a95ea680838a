using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Bench;

/// <summary>Options every benchmark over the synthetic national dwellings takes: how many, how often, which seed, where the results go.</summary>
public class SyntheticBenchSettings : DataSettings
{
    [CommandOption("--dwellings <N>")]
    public int Dwellings { get; init; } = 2_800_000;

    [CommandOption("--runs <N>")]
    public int Runs { get; init; } = 5;

    [CommandOption("--seed <SEED>")]
    public int Seed { get; init; } = 42;

    [CommandOption("-o|--output <FILE>")]
    [Description("Markdown file to merge the results into (e.g. bench/RESULTS.md); without it they are only printed.")]
    public string? Output { get; init; }

    public void CheckRanges()
    {
        if (Dwellings < 1 || Runs < 1)
            throw new UsageException("--dwellings and --runs must be positive");
    }
}
