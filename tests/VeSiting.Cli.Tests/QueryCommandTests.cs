using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>The query commands on the real default data (fetched from the mirror into the project cache).</summary>
public sealed class QueryCommandTests
{
    [Fact]
    public async Task Nearest_by_address_answers_in_json_with_areas_and_attribution()
    {
        var run = await CliRun.Of("nearest", "--address", "Eliasgade 10, 2300", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("0101 København", root.GetProperty("summary").GetProperty("municipality").GetString());
        Assert.Equal("2300 København S", root.GetProperty("summary").GetProperty("postcode_area").GetString());
        // The DAR row publishes E 727557.90, N 6174832.99 for this address.
        Assert.Equal("E 727557.90 N 6174832.99", root.GetProperty("summary").GetProperty("point_epsg_25832").GetString());
        var distances = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("distance_m").GetDouble()).ToList();
        Assert.Equal(5, distances.Count);
        Assert.Equal(distances.Order(), distances);
        Assert.Contains(root.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("Energistyrelsen"));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("dataVersion").GetString()));
    }

    [Fact]
    public async Task Nearest_by_lat_lon_and_by_utm_agree()
    {
        // PostGIS: lon 11.191610543, lat 55.480984828 is E 638500, N 6150500.
        var byLatLon = await CliRun.Of("nearest", "--lat", "55.480984828", "--lon", "11.191610543", "--format", "csv", "--count", "3");
        var byUtm = await CliRun.Of("nearest", "--utm", "638500 6150500", "--format", "csv", "--count", "3");
        Assert.True(byUtm.ExitCode == ExitCodes.Ok, byUtm.ToString());
        Assert.Equal(byUtm.Output, byLatLon.Output);
        Assert.Equal(4, byUtm.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Neighbours_of_a_planned_turbine_counts_addresses_per_ring()
    {
        // User journey 1. Counts from Python on the raw DAR CSV: 0 within 600 m, 26 within 900 m, 42 within 1,200 m.
        var run = await CliRun.Of("neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("4 × H = 600 m, 6 × H = 900 m, 8 × H = 1200 m", summary.GetProperty("rings").GetString());
        Assert.Equal(0, summary.GetProperty("addresses_within_4_h").GetInt32());
        Assert.Equal(26, summary.GetProperty("addresses_within_6_h").GetInt32());
        Assert.Equal(42, summary.GetProperty("addresses_within_8_h").GetInt32());
        var addresses = json.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("site").GetString() == "address").ToList();
        Assert.Equal(42, addresses.Count);
        Assert.Equal("Athenesvej 43, 4200 Slagelse", addresses[0].GetProperty("label").GetString());
        Assert.Equal("≤ 6 × H", addresses[0].GetProperty("ring").GetString());
    }

    [Fact]
    public async Task Neighbours_draws_the_rings_of_the_rules_given()
    {
        var folder = Directory.CreateTempSubdirectory("vesiting-rules-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "min.json"), """
                {"id":"minimum-distance","version":"test-5h","scheme":"minimum-distance","title":"5 × H","permitPeriod":{"from":"2009-01-01","to":null},
                 "values":{"windMultipleOfH":{"value":5,"unit":"H","source":"test","confidence":"confirmed"}}}
                """);
            await File.WriteAllTextAsync(Path.Combine(folder, "bonus.json"), """
                {"id":"ve-bonus","version":"test-7h","scheme":"ve-bonus","title":"7 × H","permitPeriod":{"from":"2024-07-01","to":null},
                 "values":{"windMultipleOfH":{"value":7,"unit":"H","source":"test","confidence":"confirmed"},"solarMaxDistance":{"value":200,"unit":"m","source":"test","confidence":"confirmed"},
                           "kPerHousehold":{"value":9.75,"unit":"kW","source":"test","confidence":"unconfirmed"},"capShareOfCapacity":{"value":0.015,"unit":"share","source":"test","confidence":"confirmed"}}}
                """);

            var run = await CliRun.Of("neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110", "--rules", folder, "--format", "json");

            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            using var json = JsonDocument.Parse(run.Output);
            var summary = json.RootElement.GetProperty("summary");
            // H = 150 m; the loss-of-value fee limit stays at 6 × H. Python on the DAR CSV: 7 within 750 m, 39 within 1,050 m.
            Assert.Equal("5 × H = 750 m, 6 × H = 900 m, 7 × H = 1050 m", summary.GetProperty("rings").GetString());
            Assert.Equal(7, summary.GetProperty("addresses_within_5_h").GetInt32());
            Assert.Equal(39, summary.GetProperty("addresses_within_7_h").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Neighbours_exports_csv_for_excel()
    {
        var run = await CliRun.Of("neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110", "--format", "csv");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Site,Id,Label,Distance (m),Distance / H,Ring", lines[0].TrimEnd('\r'));
        // 42 addresses (Python on the DAR CSV) and 70 GeoDanmark buildings (PostGIS ST_DWithin 1,200 m) plus the header.
        Assert.Equal(1 + 42 + 70, lines.Length);
    }

    [Fact]
    public async Task Plants_exports_solar_parks_as_rfc7946_geojson()
    {
        var run = await CliRun.Of("plants", "--kind", "solar-park", "--format", "geojson");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(73, features.Count); // 73 rows with Fueltype Solar in the powerplantmatching file
        Assert.All(features, f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 7.0, 15.8);
            Assert.InRange(c[1].GetDouble(), 54.3, 58.0);
        });
        Assert.Contains("PyPSA powerplantmatching", json.RootElement.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task Plants_table_shows_the_attribution_footer()
    {
        var run = await CliRun.Of("plants", "--municipality", "573", "--limit", "3");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Data: Energistyrelsen", run.Output);
        Assert.Contains("first 3 by id", run.Output);
    }

    [Fact]
    public async Task Verbose_reports_the_load_time()
    {
        var run = await CliRun.Of("plants", "--limit", "1", "--format", "json", "--verbose");
        Assert.Matches(@"Loaded data version [0-9a-f]{16} in \d+\.\d\d s", run.Error);
        Assert.Contains("ens-wind-register: 9097 records, 643 rows skipped", run.Error);
    }
}
