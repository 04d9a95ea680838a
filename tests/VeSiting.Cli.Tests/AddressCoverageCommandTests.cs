using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>Answers say when the loaded address data (the built-in 1,326-address sample) does not cover a municipality.</summary>
public sealed class AddressCoverageCommandTests
{
    private static readonly string[] Fixed = ["--year", "2026", "--today", "2026-11-26"];

    [Fact]
    public async Task A_municipality_report_for_thisted_says_the_address_data_holds_none_there()
    {
        var run = await CliRun.Of(["assess", "municipality", "--code", "787", "--format", "json", .. Fixed]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var assumptions = json.RootElement.GetProperty("summary").GetProperty("assumptions").EnumerateArray().Select(a => a.GetString()!).ToList();
        // FOLK1A 2024: 42,989 persons in Thisted; / 2.13 persons per dwelling = 20,182.6.
        Assert.Contains("the address data holds 0 addresses in 0787 Thisted, where its population (42,989) implies about 20,183 dwellings: "
            + "counts of addresses and households there are not real; load the national file with `vesiting data add dar-addresses …` or OpenStreetMap's Denmark with `vesiting data add osm denmark-latest.osm.pbf`", assumptions);
    }

    [Fact]
    public async Task A_project_in_a_municipality_without_addresses_says_so()
    {
        // E 475000 N 6315000 lies in Thisted municipality (DAGI; `assess site --utm` says 0787 Thisted), which holds no sample addresses.
        var run = await CliRun.Of(["assess", "project", "--turbine", "475000 6315000", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2026-06-01", "--format", "json", .. Fixed]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("the address data holds 0 addresses in 0787 Thisted", run.Output);
    }

    [Fact]
    public async Task Classifying_the_sample_addresses_says_how_many_municipalities_it_does_not_cover()
    {
        var run = await CliRun.Of("classify", "--municipality", "787");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("the address data holds 0 addresses in 0787 Thisted", run.Error);
    }
}
