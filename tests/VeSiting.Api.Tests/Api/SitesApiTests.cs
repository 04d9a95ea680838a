using System.Net;
using System.Text;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Api.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SitesApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_municipality_is_ranked_with_every_criterions_value_and_contribution()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sites?profile=data-centre&area=municipality:0461&cell=1000&limit=5"));
        var root = json.RootElement;
        Assert.Equal("data-centre", root.GetProperty("profile").GetProperty("id").GetString());
        Assert.StartsWith("Odense", root.GetProperty("area").GetString());
        var ranked = root.GetProperty("ranked").EnumerateArray().ToList();
        Assert.Equal(5, ranked.Count);
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.GetProperty("rank").GetInt32()));
        var top = ranked[0];
        var contributions = top.GetProperty("values").EnumerateArray().Sum(v => v.GetProperty("contribution").GetDouble());
        Assert.Equal(top.GetProperty("score").GetDouble(), contributions, 0.01);
        Assert.All(top.GetProperty("values").EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("why").GetString())));
        Assert.True(root.GetProperty("candidates").GetInt32() > 250, "Odense covers about 300 km²");
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("geojson", "application/geo+json")]
    [InlineData("gpkg", "application/geopackage+sqlite3")]
    public async Task Results_export_for_excel_and_qgis(string format, string mediaType)
    {
        var response = await _client.GetAsync($"/api/sites?profile=greenhouse&area=municipality:0461&cell=2000&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task Suitability_tiles_carry_scored_cells()
    {
        // z10 tile over Odense (lon 10.39, lat 55.40).
        Tile.CreateAroundLocation(55.40, 10.39, 10, out var x, out var y);
        var bytes = await _client.GetByteArrayAsync($"/tiles/suitability/10/{x}/{y}.mvt?profile=greenhouse&area=municipality:0461&cell=1000");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, 10));
        var cells = Assert.Single(tile.Layers).Features;
        Assert.True(cells.Count > 50);
        Assert.All(cells, c => Assert.True(c.Attributes.Exists("class")));
        var png = await _client.GetAsync($"/tiles/suitability/10/{x}/{y}.png?profile=greenhouse&area=municipality:0461&cell=1000");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_raster_comes_as_a_GeoTIFF_and_its_best_cell_leads_the_ranking()
    {
        var tiff = await _client.GetAsync("/api/sites?profile=greenhouse&area=municipality:0461&cell=500&format=geotiff");
        Assert.Equal(HttpStatusCode.OK, tiff.StatusCode);
        Assert.Equal("image/tiff", tiff.Content.Headers.ContentType?.MediaType);
        var bytes = await tiff.Content.ReadAsByteArrayAsync();
        Assert.Equal("II*\0"u8.ToArray(), bytes[..4]); // little-endian TIFF

        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sites?profile=greenhouse&area=municipality:0461&cell=500&limit=3"));
        var ranked = json.RootElement.GetProperty("ranked").EnumerateArray().ToList();
        Assert.Equal(3, ranked.Count);
        // Ranked by score, each score the sum of its contributions (measured exactly for the listing).
        Assert.True(ranked[0].GetProperty("score").GetDouble() >= ranked[1].GetProperty("score").GetDouble());
        Assert.Equal(json.RootElement.GetProperty("candidates").GetInt64(), json.RootElement.GetProperty("rankedCount").GetInt64() + json.RootElement.GetProperty("excludedCount").GetInt64());
    }

    [Fact]
    public async Task A_whole_country_tile_at_zoom_5_carries_blocks_of_cells()
    {
        Tile.CreateAroundLocation(56.0, 10.0, 5, out var x, out var y);
        var bytes = await _client.GetByteArrayAsync($"/tiles/suitability/5/{x}/{y}.mvt?profile=greenhouse&cell=500");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new Tile(x, y, 5));
        var cells = Assert.Single(tile.Layers).Features;
        Assert.True(cells.Count > 100, $"{cells.Count} cells");
        Assert.Contains(cells, c => c.Attributes.Exists("cells"));
    }

    [Fact]
    public async Task A_posted_profile_candidates_and_layer_are_used()
    {
        var body = """
            {"profile":{"id":"mine","version":"1","title":"Mine","scenario":"banded-distance","consumption":{"annualKwh":100000,"timeOfUse":{"low":1,"high":0,"peak":0}},
              "criteria":[{"criterion":"points-distance","weight":1,"worst":10000,"best":0,"layer":"schools"}]},
             "area":"municipality:0461",
             "candidates":{"type":"FeatureCollection","features":[
               {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[10.39,55.40]}},
               {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Point","coordinates":[10.50,55.40]}}]},
             "layers":{"schools":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[10.39,55.40]}}]}}}
            """;
        var response = await _client.PostAsync("/api/sites", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ranked = json.RootElement.GetProperty("ranked").EnumerateArray().ToList();
        // a lies on the school (distance 0, score 100); b is ≈ 6.9 km east.
        Assert.Equal("a", ranked[0].GetProperty("id").GetString());
        Assert.Equal(100, ranked[0].GetProperty("score").GetDouble(), 0.01);
        Assert.Equal("b", ranked[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_posted_polygon_layer_gives_farmland_shares_and_figures_come_by_landsdel()
    {
        // A field covering the 1 km cell 588000_6140000 in Odense wholly; state jobs 20 for landsdel DK031 Fyn, which holds Odense.
        var body = """
            {"profile":{"id":"farm","version":"1","title":"Farm","scenario":"banded-distance","consumption":{"annualKwh":100000,"timeOfUse":{"low":1,"high":0,"peak":0}},
              "criteria":[{"criterion":"farmland","weight":1,"worst":0,"best":1,"layer":"fields"},
                          {"criterion":"regional-figure","weight":1,"worst":0,"best":40,"layer":"state-jobs","level":"landsdel"}]},
             "area":"municipality:0461", "cell":1000,
             "layers":{"fields":{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[
               {"type":"Feature","properties":{"id":"f"},"geometry":{"type":"Polygon","coordinates":[[[588000,6140000],[589000,6140000],[589000,6141000],[588000,6141000],[588000,6140000]]]}}]}},
             "regional":{"state-jobs":{"DK031":20}}}
            """;
        var response = await _client.PostAsync("/api/sites?limit=2", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var ranked = json.RootElement.GetProperty("ranked").EnumerateArray().ToList();
        // (1 × 1 + 1 × 20/40) / 2 × 100 = 75 for the field's cell; 25 for every other cell of Odense.
        Assert.Equal("588000_6140000", ranked[0].GetProperty("id").GetString());
        Assert.Equal(75, ranked[0].GetProperty("score").GetDouble(), 0.001);
        Assert.Equal(25, ranked[1].GetProperty("score").GetDouble(), 0.001);
        var values = ranked[0].GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(1, values[0].GetProperty("value").GetDouble());
        Assert.Equal(20, values[1].GetProperty("value").GetDouble());
        Assert.Contains("landsdel DK031 Fyn", values[1].GetProperty("why").GetString());
    }

    [Theory]
    [InlineData("/api/sites?profile=unicorn", HttpStatusCode.NotFound, "profile")]
    [InlineData("/api/sites?area=atlantis", HttpStatusCode.BadRequest, "area")]
    [InlineData("/api/sites?area=municipality:999", HttpStatusCode.NotFound, "area")]
    [InlineData("/api/sites?cell=10", HttpStatusCode.BadRequest, "cell")]
    [InlineData("/api/sites?format=xls", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/sites?separation=-1", HttpStatusCode.BadRequest, "separation")]
    [InlineData("/api/sites?separation=NaN", HttpStatusCode.BadRequest, "separation")]
    [InlineData("/api/sites?separation=100001", HttpStatusCode.BadRequest, "separation")]
    [InlineData("/api/sites?tolerance=101", HttpStatusCode.BadRequest, "tolerance")]
    [InlineData("/api/sites?tolerance=few", HttpStatusCode.BadRequest, "tolerance")]
    public async Task Bad_siting_requests_are_problems(string url, HttpStatusCode status, string field)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync(url), status, field);
    }

    [Theory]
    [InlineData("""{"separation":-5}""", "separation")]
    [InlineData("""{"separation":"far"}""", "separation")]
    [InlineData("""{"tolerance":1000}""", "tolerance")]
    public async Task A_posted_separation_or_tolerance_out_of_range_names_its_field(string body, string field) =>
        await Problems.AssertProblemAsync(await _client.PostAsync("/api/sites", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task The_ranked_list_holds_places_at_least_the_separation_apart_each_with_its_area_and_why()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sites?profile=data-centre&area=municipality:0461&cell=100&limit=5&separation=3000&tolerance=4"));
        var root = json.RootElement;
        Assert.Equal(3000, root.GetProperty("distinct").GetProperty("separationM").GetDouble());
        Assert.Equal(4, root.GetProperty("distinct").GetProperty("tolerance").GetDouble());
        var ranked = root.GetProperty("ranked").EnumerateArray().ToList();
        Assert.NotEmpty(ranked);
        var at = ranked.Select(r => (E: r.GetProperty("position").GetProperty("e").GetDouble(), N: r.GetProperty("position").GetProperty("n").GetDouble())).ToList();
        for (var i = 0; i < at.Count; i++)
            for (var j = i + 1; j < at.Count; j++)
                Assert.True(Math.Sqrt(Math.Pow(at[i].E - at[j].E, 2) + Math.Pow(at[i].N - at[j].N, 2)) >= 3000, $"sites {i + 1} and {j + 1} closer than 3 km");
        foreach (var site in ranked)
        {
            var place = site.GetProperty("place");
            var cells = place.GetProperty("cells").GetInt32();
            Assert.Equal(cells * 1.0, place.GetProperty("areaHa").GetDouble(), 6); // 100 m cells: 1 ha each
            Assert.Equal(site.GetProperty("id").GetString(), place.GetProperty("bestCell").GetString());
            Assert.True(place.GetProperty("floor").GetDouble() >= site.GetProperty("score").GetDouble() - 4 - 1e-6);
            Assert.StartsWith("siting.place", place.GetProperty("why").GetProperty("code").GetString());
        }
        Assert.Equal("siting.place", ranked[0].GetProperty("place").GetProperty("why").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Place_exports_carry_outlines_areas_and_why()
    {
        var csv = await _client.GetStringAsync("/api/sites?profile=data-centre&area=municipality:0461&cell=100&limit=3&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,site,e,n,score,cells,area_ha,", lines[0]);
        Assert.Contains("place_why", lines[0]);
        Assert.Contains("contiguous cell(s) of 100 m", lines[1]);

        var response = await _client.GetAsync("/api/sites?profile=data-centre&area=municipality:0461&cell=100&limit=3&format=gpkg");
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-places-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT rank, cells, area_ha, place_why FROM sites WHERE rank IS NOT NULL ORDER BY rank";
            using var reader = command.ExecuteReader();
            var ranks = 0;
            while (reader.Read())
            {
                ranks++;
                Assert.Equal(reader.GetInt64(1) * 1.0, reader.GetDouble(2), 6);
                Assert.Contains("contiguous cell(s)", reader.GetString(3));
            }
            Assert.Equal(3, ranks);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_posted_profile_with_an_unknown_criterion_names_the_path()
    {
        var body = """{"profile":{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"sunshine","weight":1,"worst":0,"best":1}]}}""";
        var response = await _client.PostAsync("/api/sites", new StringContent(body, Encoding.UTF8, "application/json"));
        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "profile.criteria[0].criterion");
    }
}

[Collection(ApiCollection.Name)]
public sealed class ClassifyApiTests(ApiFactory factory)
{
    [Fact]
    public async Task Every_address_of_a_municipality_is_classified_as_csv()
    {
        var csv = await factory.CreateClient().GetStringAsync("/api/classify?municipality=326");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,e,n,nearest_plant,distance_m,multiple_of_h,ring", lines[0].TrimEnd('\r'));
        // The DAR sample holds 78 addresses with municipality code 0326 (Kalundborg).
        Assert.Equal(1 + 78, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[0-9a-f-]+,\d+\.\d\d,\d+\.\d\d,\d{18},\d+\.\d\d,[\d.]+,", l));
    }

    [Fact]
    public async Task A_municipality_is_classified_into_a_geopackage_that_sqlite_reads_back()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/classify?municipality=326&format=gpkg");
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-test-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var csv = (await client.GetStringAsync("/api/classify?municipality=326")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.TrimEnd('\r').Split(',')).ToDictionary(f => f[0]);
        try
        {
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            object? Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return c.ExecuteScalar(); }
            Assert.Equal(0x47504B47L, Scalar("PRAGMA application_id"));
            // The DAR sample holds 78 addresses with municipality code 0326 (Kalundborg).
            Assert.Equal(78L, Scalar("SELECT count(*) FROM classified_dwellings"));
            Assert.Equal(25832L, Scalar("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'classified_dwellings'"));
            // Each row says what the CSV says for the same dwelling.
            using var rows = db.CreateCommand();
            rows.CommandText = "SELECT dwelling_id, nearest_plant, distance_m, ring FROM classified_dwellings";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                var line = csv[reader.GetString(0)];
                Assert.Equal(line[3], reader.GetString(1));
                Assert.Equal(double.Parse(line[4], System.Globalization.CultureInfo.InvariantCulture), reader.GetDouble(2), 0.005);
                Assert.Equal(line[6], reader.GetString(3));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unknown_classification_format_is_a_problem() =>
        await Problems.AssertProblemAsync(await factory.CreateClient().GetAsync("/api/classify?municipality=326&format=shp"), HttpStatusCode.BadRequest, "format");
}
