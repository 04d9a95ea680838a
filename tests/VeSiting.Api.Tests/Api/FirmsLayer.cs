using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// A cache folder of its own with a firms layer added as <c>vesiting data add firms</c> adds it (the other sources are
/// fetched into it from the mirror when the service loads), for services that show a user's firms.
/// </summary>
public static class FirmsLayer
{
    /// <summary>
    /// Two firms on Samsø (inside 0741, at two Langgade address nodes, rounded) and one 150 m from a turbine of the
    /// eight-turbine park near Thisted.
    /// </summary>
    public const string Csv = """
        id,name,annual_kwh,cvr,lon,lat
        S1,Gartneri,900000,12345678,10.6087,55.8576
        S2,Mejeri,300000,,10.6090,55.8580
        T1,Savværk,2500000,87654321,8.7600,57.0260
        """;

    /// <summary>A new cache folder whose overlay holds <see cref="Csv"/> as the firms source's edition.</summary>
    public static string NewCache()
    {
        var cache = Directory.CreateTempSubdirectory("vesiting-firms-cache-").FullName;
        var file = Path.Combine(cache, "firms.csv");
        File.WriteAllText(file, Csv);
        var editions = DefaultData.Editions(ProjectLayout.Locate(), cache);
        var (added, read) = editions.Stage("firms", file);
        Assert.Empty(read.Issues);
        editions.Record(added);
        File.Delete(file);
        return cache;
    }
}

/// <summary>The service on the real data with <see cref="FirmsLayer"/>'s firms.</summary>
public sealed class FirmsApiFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    private readonly string _cache = FirmsLayer.NewCache();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:CacheDirectory", _cache).UseSetting("VeSiting:StateDirectory", Path.Combine(_cache, "state"))
            .UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0").UseSetting("VeSiting:HeavyTimeLimitSeconds", "600");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }
}
