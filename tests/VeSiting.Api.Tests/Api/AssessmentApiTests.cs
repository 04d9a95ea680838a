using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class AssessmentApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // User journey 1: one turbine west of Høng, H = 95 + 110/2 = 150 m, permit 1 June 2026.
    private const string Journey1 = """
        {"type":"FeatureCollection","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    private Task<HttpResponseMessage> Post(string body, string query = "") =>
        _client.PostAsync($"/api/assess/project{query}", new StringContent(body, Encoding.UTF8, "application/geo+json"));

    [Fact]
    public async Task A_household_gets_its_zone_prices_and_reasons()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/assess/site?address=Eliasgade%2010,%202300"));
        var root = json.RootElement;
        Assert.Equal("0101 København", root.GetProperty("municipality").GetString());
        var banded = root.GetProperty("tariffs").EnumerateArray().Single(t => t.GetProperty("scenario").GetString() == "banded-distance");
        // Hand-computed in TariffTests: 1.424825 → 1.0455375 DKK/kWh for 4,000 kWh; the bill adds the 252 DKK grid subscription × 1.25 VAT = 315 DKK.
        Assert.Equal("A", banded.GetProperty("zone").GetString());
        Assert.Equal(1.4248, banded.GetProperty("priceWithoutDkkPerKwh").GetDouble(), 0.0001);
        Assert.Equal(1.0455, banded.GetProperty("priceWithDkkPerKwh").GetDouble(), 0.0001);
        Assert.Equal(5699.30 + 315, banded.GetProperty("billWithoutDkk").GetDouble(), 0.01);
        Assert.NotEmpty(root.GetProperty("provenance").GetProperty("ruleSets").EnumerateArray());
        Assert.Contains(root.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("Energistyrelsen"));
    }

    [Fact]
    public async Task A_site_beside_a_turbine_older_than_every_rule_period_is_answered_not_refused()
    {
        // 300 m east of turbine 570715000000045608 (connected 1997-07-17, H = 70 m) at E 504030.19, N 6122243.80.
        var response = await _client.GetAsync("/api/assess/site?e=504330.19&n=6122243.80");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plant = json.RootElement.GetProperty("plants").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "570715000000045608");
        Assert.Equal(300, plant.GetProperty("distanceM").GetDouble(), 0.01);
        var bonus = plant.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("scheme").GetString() == "ve-bonus");
        Assert.False(bonus.GetProperty("applies").GetBoolean());
        Assert.Contains("applies to permits from 2020-06-01", bonus.GetProperty("why").GetString());
    }

    [Fact]
    public async Task A_planned_turbine_lists_its_neighbours_and_money()
    {
        var response = await Post(Journey1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        // Python on the DAR CSV: 42 addresses within 1,200 m, 26 within 900 m, none within 600 m.
        Assert.Equal(42, root.GetProperty("dwellings").GetArrayLength());
        Assert.Equal(26, root.GetProperty("salesOptionHouseholds").GetInt32());
        Assert.Equal(0, root.GetProperty("violations").GetInt32());
        Assert.Equal(1_314_600, root.GetProperty("greenPoolDkk").GetDouble());
        Assert.Equal(661.2, root.GetProperty("dwellings")[0].GetProperty("distanceM").GetDouble(), 0.01);
    }

    [Fact]
    public async Task A_project_exports_csv_for_letters_and_geojson_for_qgis()
    {
        var csv = await (await Post(Journey1, "?format=csv")).Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("address_id,address,distance_m", lines[0]);
        Assert.Equal(43, lines.Length);

        var geojson = await Post(Journey1, "?format=geojson");
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await geojson.Content.ReadAsStringAsync());
        var kinds = json.RootElement.GetProperty("features").EnumerateArray().GroupBy(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, kinds["ring"]);
        Assert.Equal(1, kinds["plant"]);
        Assert.Equal(42, kinds["dwelling"]);
    }

    [Fact]
    public async Task A_project_exports_a_geopackage_that_sqlite_reads_back()
    {
        var response = await Post(Journey1, "?format=gpkg");
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-test-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            db.Open();
            object? Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return c.ExecuteScalar(); }
            Assert.Equal(0x47504B47L, Scalar("PRAGMA application_id"));
            Assert.Equal(42L, Scalar("SELECT count(*) FROM affected_dwellings"));
            Assert.Equal(3L, Scalar("SELECT count(*) FROM scheme_rings"));
            Assert.Equal(25832L, Scalar("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'affected_dwellings'"));
            Assert.Equal("Athenesvej 43, 4200 Slagelse", Scalar("SELECT address FROM affected_dwellings ORDER BY distance_m LIMIT 1"));
            var blob = (byte[])Scalar("SELECT geom FROM affected_dwellings ORDER BY distance_m LIMIT 1")!;
            // GeoPackage binary header: "GP", version, flags (bit 0: little endian), then the srs_id.
            Assert.Equal("GP"u8.ToArray(), blob[..2]);
            var srsId = (blob[3] & 1) == 1 ? BitConverter.ToInt32(blob, 4) : System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
            Assert.Equal(25832, srsId);
            var point = new NetTopologySuite.IO.GeoPackageGeoReader().Read(blob);
            Assert.InRange(point.Coordinate.X, 637_300, 639_700);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_municipality_answers_and_an_unknown_one_is_404()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/assess/municipality/461"));
        Assert.Equal("Odense", json.RootElement.GetProperty("name").GetString());
        await Problems.AssertProblemAsync(await _client.GetAsync("/api/assess/municipality/999"), HttpStatusCode.NotFound, "code");
    }

    [Theory]
    [InlineData("/api/assess/site", HttpStatusCode.BadRequest, "location")]
    [InlineData("/api/assess/site?lat=95&lon=10", HttpStatusCode.BadRequest, "lat")]
    [InlineData("/api/assess/site?lat=56&lon=200", HttpStatusCode.BadRequest, "lon")]
    [InlineData("/api/assess/site?lat=48.85&lon=2.35", HttpStatusCode.BadRequest, "lat")]
    [InlineData("/api/assess/site?lat=56", HttpStatusCode.BadRequest, "lon")]
    [InlineData("/api/assess/site?e=1&n=2", HttpStatusCode.BadRequest, "e")]
    [InlineData("/api/assess/site?address=Nowhere%20Street%2099999", HttpStatusCode.NotFound, "address")]
    [InlineData("/api/assess/site?building=no-such-building", HttpStatusCode.NotFound, "building")]
    [InlineData("/api/assess/site?address=Eliasgade%2010&tou=1,2", HttpStatusCode.BadRequest, "tou")]
    [InlineData("/api/assess/site?address=Eliasgade%2010&kwh=-4", HttpStatusCode.BadRequest, "kwh")]
    [InlineData("/api/assess/site?address=Eliasgade%2010&year=1999", HttpStatusCode.BadRequest, "year")]
    [InlineData("/api/assess/site?address=Eliasgade%2010&scenario=free-power", HttpStatusCode.BadRequest, "scenario")]
    [InlineData("/api/assess/plant/000000000000000000", HttpStatusCode.NotFound, "gsrn")]
    [InlineData("/api/addresses", HttpStatusCode.BadRequest, "q")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "path")]
    public async Task Bad_requests_are_problems_naming_the_field(string url, HttpStatusCode status, string field)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync(url), status, field);
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[", "body")]
    [InlineData("{\"type\":\"Feature\"}", "body")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"hub_height_m":-95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.19,55.48]}}]}""", "hub_height_m")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[2.35,48.85]}}]}""", "geometry")]
    [InlineData("""{"type":"FeatureCollection","permit_date":"2005-01-01","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.19,55.48]}}]}""", "permit_date")]
    public async Task Bad_project_bodies_are_problems_naming_the_field(string body, string field)
    {
        await Problems.AssertProblemAsync(await Post(body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var huge = "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', Enumerable.Repeat(
            """{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.19,55.48]}}""", 2000)) + "]}";
        await Problems.AssertProblemAsync(await Post(huge), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task Address_search_and_metadata()
    {
        var found = await _client.GetFromJsonAsync<JsonElement>("/api/addresses?q=Eliasgade%2010,%202300");
        Assert.Equal("Eliasgade 10, 2300 København S", found[0].GetProperty("label").GetString());
        var metadata = await _client.GetFromJsonAsync<JsonElement>("/api/metadata");
        // Ten sources in geodata/sources.json, two of them with the same attribution (DAGI municipalities and regions): 9 lines,
        // the last OpenStreetMap's.
        Assert.Equal(9, metadata.GetProperty("attribution").GetArrayLength());
        Assert.Contains("© OpenStreetMap contributors", metadata.GetProperty("attribution").EnumerateArray().Select(a => a.GetString()));
        // The four scenario files of geodata/tariffs/scenarios.
        Assert.Equal(4, metadata.GetProperty("scenarios").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_and_reference_page_describe_every_endpoint()
    {
        var openApi = await _client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/assess/site", "/api/assess/project", "/api/assess/plant/{gsrn}", "/api/assess/municipality/{code}", "/api/collections/{id}/items", "/tiles/{layer}/{z}/{x}/{y}", "/health" })
            Assert.Contains($"\"{path}\"", openApi);
        Assert.Contains("Example", openApi);
        var scalar = await _client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task Health_and_metrics()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("embedded", health.GetProperty("store").GetString());
        var metrics = await _client.GetStringAsync("/metrics");
        Assert.Contains("vesiting_requests_total{endpoint=\"/health\",status=\"2xx\"}", metrics);
        Assert.Contains("vesiting_data_version_info{version=\"" + health.GetProperty("dataVersion").GetString(), metrics);
    }
}
