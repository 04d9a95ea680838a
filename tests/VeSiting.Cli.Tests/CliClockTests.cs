using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>The command line's "today" and "this year" come from the clock it is given, in that clock's time zone, never from the machine's.</summary>
public sealed class CliClockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-cli-clock-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    }

    private async Task<string> LayoutAsync()
    {
        var layout = Path.Combine(_folder, "one.geojson");
        await File.WriteAllTextAsync(layout, """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"permit_date":"2026-06-01","features":[
             {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[638500,6150500]}}]}
            """);
        return layout;
    }

    [Fact]
    public async Task The_flicker_calendar_is_for_the_clocks_year_in_Danish_time_unless_a_year_is_given()
    {
        var layout = await LayoutAsync();
        // 31 December 2027 23:30 UTC is already 1 January 2028 00:30 in Copenhagen (CET, UTC+1).
        var newYearsEve = new FixedTime(new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero));

        var thisYear = await CliRun.At(newYearsEve, "flicker", "calendar", "--utm", "638300 6150500", "--file", layout);
        Assert.True(thisYear.ExitCode == ExitCodes.Ok, thisYear.ToString());
        Assert.Contains("Shadow-flicker calendar 2028", thisYear.Output);

        var given = await CliRun.At(newYearsEve, "flicker", "calendar", "--utm", "638300 6150500", "--file", layout, "--flicker-year", "2030");
        Assert.True(given.ExitCode == ExitCodes.Ok, given.ToString());
        Assert.Contains("Shadow-flicker calendar 2030", given.Output);
    }
}
