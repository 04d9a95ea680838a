using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VeSiting.Api.Hosting;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Api.Tests.Ogc;

/// <summary>
/// GDAL as a client of the running service: its OGC API – Features driver copies every collection into a GeoPackage
/// (paging through next links) with as many features as the store holds; the EPSG:25832 answers agree with GDAL's own
/// reprojection of the CRS84 ones; its MVT driver reads every tile layer.
/// </summary>
public sealed partial class GdalClientTests : IClassFixture<GdalClientTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0").UseSetting("urls", "http://127.0.0.1:0"));

        public string BaseUrl { get; private set; } = null!;
        public string Work { get; } = Directory.CreateTempSubdirectory("vesiting-gdal-").FullName;
        public IServiceProvider Services => _factory.Services;

        public Task InitializeAsync()
        {
            _factory.UseKestrel();
            _factory.StartServer();
            BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await _factory.DisposeAsync();
            Directory.Delete(Work, recursive: true);
        }
    }

    private readonly Server _server;

    public GdalClientTests(Server server) => _server = server;

    internal static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install gdal-bin)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{await error}");
        return await output;
    }

    /// <summary>What the store holds, asked directly (not through the HTTP paging under test).</summary>
    private async Task<Dictionary<string, int>> StoreCountsAsync()
    {
        var store = _server.Services.GetRequiredService<ServiceData>().Store;
        var denmark = GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(new NetTopologySuite.Geometries.Envelope(
            DenmarkExtent.MinEasting, DenmarkExtent.MaxEasting, DenmarkExtent.MinNorthing, DenmarkExtent.MaxNorthing));
        var sites = await store.SitesWithinAsync(denmark, 0, CancellationToken.None);
        return new Dictionary<string, int>
        {
            ["plants"] = (await store.ListPlantsAsync(PlantFilter.Any, CancellationToken.None)).Count,
            ["municipalities"] = (await store.ListAreasAsync(AdminAreaKind.Municipality, CancellationToken.None)).Count,
            ["regions"] = (await store.ListAreasAsync(AdminAreaKind.Region, CancellationToken.None)).Count,
            ["postcodes"] = (await store.ListAreasAsync(AdminAreaKind.PostCode, CancellationToken.None)).Count,
            ["addresses"] = sites.Addresses.Count,
            ["buildings"] = sites.Buildings.Count,
        };
    }

    private static (int Count, double[] Extent) Summary(string ogrinfo)
    {
        var count = int.Parse(FeatureCount().Match(ogrinfo).Groups[1].Value, CultureInfo.InvariantCulture);
        var e = ExtentLine().Match(ogrinfo);
        return (count, [.. Enumerable.Range(1, 4).Select(i => double.Parse(e.Groups[i].Value, CultureInfo.InvariantCulture))]);
    }

    [Fact]
    public async Task Ogr2ogr_copies_every_collection_through_the_oapif_driver_with_the_stores_counts_in_both_crs()
    {
        var expected = await StoreCountsAsync();
        var gpkg = Path.Combine(_server.Work, "collections.gpkg");
        // A page size below the larger collections' counts, so the copy has to follow next links.
        await RunAsync("ogr2ogr", "-f", "GPKG", gpkg, $"OAPIF:{_server.BaseUrl}/api", "-oo", "PAGE_SIZE=1000");
        foreach (var (collection, count) in expected)
        {
            Assert.True(count > 0, $"{collection}: the store holds nothing");
            var (copied, extent) = Summary(await RunAsync("ogrinfo", "-so", "-ro", gpkg, collection));
            Assert.True(count == copied, $"{collection}: the store holds {count}, GDAL copied {copied}");

            // EPSG:25832 as served, against GDAL's (PROJ's) own reprojection of the CRS84 copy.
            var utm = Path.Combine(_server.Work, $"{collection}-25832.gpkg");
            await RunAsync("ogr2ogr", "-f", "GPKG", utm, $"{_server.BaseUrl}/api/collections/{collection}/items?limit=10000&crs=http://www.opengis.net/def/crs/EPSG/0/25832");
            var served = await RunAsync("ogrinfo", "-so", "-ro", "-al", utm);
            Assert.Contains("EPSG\",25832", served, StringComparison.Ordinal);
            var reprojected = Path.Combine(_server.Work, $"{collection}-proj.gpkg");
            await RunAsync("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:25832", reprojected, gpkg, collection);
            var (utmCount, utmExtent) = Summary(served);
            var (_, projExtent) = Summary(await RunAsync("ogrinfo", "-so", "-ro", "-al", reprojected));
            Assert.True(Math.Min(count, 10_000) == utmCount, $"{collection} in EPSG:25832: {utmCount} of {count}");
            if (count <= 10_000)
                for (var i = 0; i < 4; i++)
                    Assert.True(Math.Abs(utmExtent[i] - projExtent[i]) < 1.0, $"{collection}: extent {string.Join(", ", utmExtent)} served, {string.Join(", ", projExtent)} by PROJ");
            Assert.True(Math.Abs(extent[0]) <= 180); // the CRS84 copy is in degrees
        }
    }

    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        // The slippy-map formula (OpenStreetMap wiki), written out here rather than taken from the service.
        var n = Math.Pow(2, z);
        var latRad = lat * Math.PI / 180;
        return ((int)Math.Floor((lon + 180) / 360 * n), (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n));
    }

    [Theory]
    [InlineData("boundaries", 6, 10.39, 55.40, "")]
    [InlineData("plants", 9, 9.47, 56.37, "")]
    [InlineData("plants", 0, 9.47, 56.37, "")] // TileJSON says minzoom 0: the world tile shows the plants too
    [InlineData("plants", 1, 9.47, 56.37, "")]
    [InlineData("scheme-zones", 9, 9.47, 56.37, "")] // around the covered turbines of CollectionAndTileApiTests
    [InlineData("tariff-zones", 9, 9.47, 56.37, "")]
    [InlineData("dwellings", 13, 10.39, 55.40, "")]
    [InlineData("suitability", 7, 9.47, 56.37, "?area=region:1082&cell=5000")]
    public async Task Gdals_mvt_driver_reads_every_tile_layer(string layer, int z, double lon, double lat, string query)
    {
        using var http = new HttpClient();
        using var tileJson = JsonDocument.Parse(await http.GetStringAsync($"{_server.BaseUrl}/tiles/{layer}.json{query}"));
        var names = tileJson.RootElement.GetProperty("vector_layers").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();
        var (x, y) = TileOf(lon, lat, z);
        var bytes = await http.GetByteArrayAsync($"{_server.BaseUrl}/tiles/{layer}/{z}/{x}/{y}.mvt{query}");
        var folder = Directory.CreateDirectory(Path.Combine(_server.Work, layer, $"{z}", $"{x}")).FullName;
        var file = Path.Combine(folder, $"{y}.pbf");
        await File.WriteAllBytesAsync(file, bytes);
        var info = await RunAsync("ogrinfo", "-ro", "-so", "-al", $"MVT:{file}");
        var read = LayerName().Matches(info).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Contains(name, names));
        Assert.Contains(FeatureCount().Matches(info), m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 0);
    }

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    [GeneratedRegex(@"Extent: \(([-\d.e+]+), ([-\d.e+]+)\) - \(([-\d.e+]+), ([-\d.e+]+)\)")]
    private static partial Regex ExtentLine();

    [GeneratedRegex(@"Layer name: (\S+)")]
    private static partial Regex LayerName();
}
