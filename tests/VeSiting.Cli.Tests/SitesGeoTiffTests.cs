using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting sites --format geotiff</c>, read back by GDAL (Debian's gdal-bin, installed by scripts/test.sh).</summary>
public sealed class SitesGeoTiffTests
{
    [Fact]
    public async Task The_GeoTIFF_opens_in_GDAL_with_the_CRS_the_pixel_size_and_nodata_where_excluded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-sites-{Guid.NewGuid():N}.tif");
        try
        {
            var run = await CliRun.Of("sites", "--profile", "greenhouse", "--area", "municipality:0730", "--cell", "100", "--format", "geotiff", "-o", path, "--limit", "3", "--year", "2026");
            Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            Assert.Contains("Rank", run.Output);

            using var info = JsonDocument.Parse(Gdal("gdalinfo", "-json", path));
            var root = info.RootElement;
            Assert.Equal("GTiff", root.GetProperty("driverShortName").GetString());
            Assert.Contains("ID[\"EPSG\",25832]", root.GetProperty("coordinateSystem").GetProperty("wkt").GetString());
            var transform = root.GetProperty("geoTransform").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(100, transform[1]);
            Assert.Equal(-100, transform[5]);
            var bands = root.GetProperty("bands").EnumerateArray().ToList();
            // Score, then the greenhouse profile's five criteria in its order.
            Assert.Equal(["score 0-100 (greenhouse@1)", "power-price (DKK/kWh)", "heat-distance (m)", "renewable-mw (MW)", "population (people)", "dwelling-distance (m)"],
                bands.Select(b => b.GetProperty("description").GetString()));
            Assert.All(bands, b => Assert.Equal(-9999, b.GetProperty("noDataValue").GetDouble()));

            // ENS register: turbine 570715000000019357 (Wincon W 200/26, hub 30 m + rotor 26 m / 2 = H 43 m) stands at
            // E 552121.07, N 6252847.29; the centre of its 100 m cell (552150, 6252850) is 29 m away, inside 4 × 43 = 172 m.
            Assert.Equal("-9999", Gdal("gdallocationinfo", "-valonly", "-b", "1", "-geoloc", path, "552150", "6252850").Trim());
            // Its criteria are still measured there: its cell lies in zone A of the banded tariff (the turbine itself is ≤ 2 km).
            Assert.NotEqual("-9999", Gdal("gdallocationinfo", "-valonly", "-b", "2", "-geoloc", path, "552150", "6252850").Trim());
            // The best-ranked cell listed by the command has its score in band 1.
            var best = run.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("1 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var score = double.Parse(Gdal("gdallocationinfo", "-valonly", "-b", "1", "-geoloc", path, best[2], best[3]), CultureInfo.InvariantCulture);
            Assert.Equal(double.Parse(best[4], CultureInfo.InvariantCulture), score, 0.02);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Geotiff_needs_an_output_file()
    {
        var run = await CliRun.Of("sites", "--format", "geotiff");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("-o FILE", run.Error);
    }

    private static string Gdal(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (is Debian's gdal-bin installed?)");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
