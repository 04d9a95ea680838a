using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Npgsql;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// A firms layer uploaded with <c>POST /api/imports</c> to a PostGIS-backed service: the firms table holds it after the
/// import's commit and the impact counts its firms; a bad file fails naming row and column and changes nothing.
/// </summary>
public sealed class FirmsUploadOnPostGisTests : IAsyncLifetime
{
    private PostGisUploadService _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PostGisUploadService.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<List<(string, string?, double)>> FirmsAsync()
    {
        await using var connection = new NpgsqlConnection(_fixture.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, cvr, annual_kwh FROM firms ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, double)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetDouble(2)));
        return rows;
    }

    [Fact]
    public async Task Firms_uploaded_reach_the_firms_table_and_the_impact_and_a_bad_file_changes_nothing()
    {
        using var service = _fixture.Service();
        var client = service.CreateClient();
        // Two firms in Langgade, Samsø (inside 0741's DAGI polygon: the positions of two real Samsø address nodes, rounded).
        var job = await PostGisUploadService.UploadAsync(client, "firms", "firms.csv",
            "id,name,annual_kwh,cvr,lon,lat\nS1,Gartneri,900000,12345678,10.6087,55.8576\nS2,Mejeri,300000,,10.6090,55.8580\n");

        Assert.True(job.GetProperty("stage").GetString() == "succeeded", job.ToString());
        Assert.Equal([("S1", "12345678", 900_000.0), ("S2", (string?)null, 300_000.0)], await FirmsAsync());
        using (var answer = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios/banded-distance/impact?area=municipality:741")))
        {
            var scenario = answer.RootElement.GetProperty("scenarios")[0];
            // Both firms are in Samsø: the zones hold 2 firms and 900,000 + 300,000 = 1,200,000 kWh, and so does the municipality.
            Assert.Equal(2, scenario.GetProperty("zones").EnumerateArray().Sum(z => z.GetProperty("firms").GetInt32()));
            Assert.Equal(1_200_000, scenario.GetProperty("zones").EnumerateArray().Sum(z => z.GetProperty("firmKwh").GetDouble()));
            var samsoe = scenario.GetProperty("municipalities").EnumerateArray().Single();
            Assert.Equal((2, 1_200_000.0), (samsoe.GetProperty("firms").GetInt32(), samsoe.GetProperty("firmKwh").GetDouble()));
        }

        // The map's firms layer on PostGIS: both firms in the z12 tile around them, with their kWh and the zone the impact counted them in.
        Tile.CreateAroundLocation(55.8576, 10.6087, 12, out var x, out var y);
        var tile = new MapboxTileReader().Read(new MemoryStream(await client.GetByteArrayAsync($"/tiles/firms/12/{x}/{y}.mvt?scenario=banded-distance")), new Tile(x, y, 12));
        var firms = tile.Layers.Single(l => l.Name == "firms").Features.OrderBy(f => (string)f.Attributes["id"]).ToList();
        Assert.Equal([("S1", 900_000.0), ("S2", 300_000.0)], firms.Select(f => ((string)f.Attributes["id"], Convert.ToDouble(f.Attributes["annual_kwh"], System.Globalization.CultureInfo.InvariantCulture))));
        using (var answer = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios/banded-distance/impact?area=municipality:741")))
        {
            foreach (var zone in answer.RootElement.GetProperty("scenarios")[0].GetProperty("zones").EnumerateArray())
                Assert.Equal(zone.GetProperty("firms").GetInt32(), firms.Count(f => (string)f.Attributes["zone"] == (zone.GetProperty("zone").GetString() ?? "none")));
        }

        var failed = await PostGisUploadService.UploadAsync(client, "firms", "firms2.csv", "id,name,annual_kwh,cvr,lon,lat\nS3,Savværk,1000,123,10.6087,55.8576\n");

        Assert.Equal("failed", failed.GetProperty("stage").GetString());
        Assert.Contains("firms2.csv row 2 column 'cvr'", failed.GetProperty("error").GetString());
        Assert.Equal(job.GetProperty("dataVersion").GetString(), JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("dataVersion").GetString());
        Assert.Equal("firms.csv", SourceOverlay.Load(_fixture.Cache).Find("firms")!.OriginalName);
        Assert.Equal(2, (await FirmsAsync()).Count);
    }
}
