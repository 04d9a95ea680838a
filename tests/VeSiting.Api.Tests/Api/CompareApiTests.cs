using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace VeSiting.Api.Tests.Api;

/// <summary><c>POST /api/assess/compare</c>: its refusals, and two Samsø layouts as JSON, CSV and GeoPackage (read back with GDAL's ogrinfo).</summary>
[Collection(ApiCollection.Name)]
public sealed class CompareApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>One turbine on Samsø: H = hub + rotor / 2.</summary>
    private static string Layout(string name, double lon, double lat, double hub, double rotor, double kw) => $$$"""
        {"type":"FeatureCollection","name":"{{{name}}}","permit_date":"2026-06-01","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":{{{hub}}},"rotor_diameter_m":{{{rotor}}},"capacity_kw":{{{kw}}}},"geometry":{"type":"Point","coordinates":[{{{lon.ToString(CultureInfo.InvariantCulture)}}},{{{lat.ToString(CultureInfo.InvariantCulture)}}}]}}]}
        """;

    // A: 4.2 MW, H = 95 + 110 / 2 = 150 m; B: 3 MW, H = 80 + 90 / 2 = 125 m, 700 m further north-west.
    private static readonly string A = Layout("tall", 10.6159461, 55.8015249, 95, 110, 4200);
    private static readonly string B = Layout("short", 10.6100, 55.8060, 80, 90, 3000);

    private Task<HttpResponseMessage> Post(string body, string query = "") =>
        _client.PostAsync($"/api/assess/compare{query}", new StringContent(body, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData(1, "layouts", "1 entry; a comparison takes 2 to 5")]
    [InlineData(6, "layouts", "6 entries; a comparison takes 2 to 5")]
    public async Task A_comparison_takes_two_to_five_layouts(int count, string field, string reason)
    {
        var body = $"{{\"layouts\":[{string.Join(",", Enumerable.Repeat(A, count))}]}}";
        Assert.Equal(reason, await Problems.AssertProblemAsync(await Post(body), HttpStatusCode.BadRequest, field));
    }

    [Fact]
    public async Task Layouts_and_projects_together_are_refused_naming_projects()
    {
        var reason = await Problems.AssertProblemAsync(await Post($"{{\"layouts\":[{A},{B}],\"projects\":[\"a\",\"b\"]}}"), HttpStatusCode.BadRequest, "projects");
        Assert.Contains("not both", reason);
        await Problems.AssertProblemAsync(await Post("{}"), HttpStatusCode.BadRequest, "layouts");
        await Problems.AssertProblemAsync(await Post($"{{\"layouts\":[{A},{B}],\"name\":\"x\"}}"), HttpStatusCode.BadRequest, "name");
        await Problems.AssertProblemAsync(await Post("{\"projects\":\"a\"}"), HttpStatusCode.BadRequest, "projects");
    }

    [Fact]
    public async Task An_unknown_saved_project_is_a_404_naming_its_place_and_a_bad_id_a_400()
    {
        var reason = await Problems.AssertProblemAsync(await Post("{\"projects\":[\"no-such-project-1\",\"no-such-project-2\"]}"), HttpStatusCode.NotFound, "projects[0]");
        Assert.Equal("no saved project 'no-such-project-1'", reason);
        await Problems.AssertProblemAsync(await Post("{\"projects\":[\"Bad Id\",\"x\"]}"), HttpStatusCode.BadRequest, "projects[0]");
    }

    [Fact]
    public async Task A_broken_layout_is_refused_naming_the_layout()
    {
        var broken = B.Replace("\"hub_height_m\":80", "\"hub_height_m\":-5", StringComparison.Ordinal);
        var reason = await Problems.AssertProblemAsync(await Post($"{{\"layouts\":[{A},{broken}]}}"), HttpStatusCode.BadRequest, "layouts[1]");
        Assert.Contains("hub_height_m", reason);
        await Problems.AssertProblemAsync(await Post($"{{\"layouts\":[{A},42]}}"), HttpStatusCode.BadRequest, "layouts[1]");
        await Problems.AssertProblemAsync(await Post($"{{\"layouts\":[{A},{B}]}}", "?format=pdf"), HttpStatusCode.BadRequest, "format");
    }

    [Fact]
    public async Task The_json_table_reads_each_layouts_project_answer_and_marks_the_best()
    {
        using var compared = JsonDocument.Parse(await (await Post($"{{\"layouts\":[{A},{B}]}}")).Content.ReadAsStringAsync());
        using var a = JsonDocument.Parse(await (await _client.PostAsync("/api/assess/project", new StringContent(A, Encoding.UTF8, "application/geo+json"))).Content.ReadAsStringAsync());
        var rows = compared.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        double?[] Values(string id) => [.. rows[id].GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

        Assert.Equal(["A", "B"], compared.RootElement.GetProperty("layouts").EnumerateArray().Select(l => l.GetProperty("key").GetString()));
        Assert.Equal("tall", compared.RootElement.GetProperty("layouts")[0].GetProperty("name").GetString());
        Assert.Equal([1.0, 1.0], Values("turbines"));
        Assert.Equal([4.2, 3.0], Values("capacity-mw"));
        Assert.Equal(["A"], rows["capacity-mw"].GetProperty("best").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("layout", rows["capacity-mw"].GetProperty("status").GetString());
        Assert.Equal("law", rows["dwellings-below-minimum-distance"].GetProperty("status").GetString());
        Assert.Equal("lower", rows["dwellings-below-minimum-distance"].GetProperty("better").GetString());
        // Layout A's column is its own project answer's figures, not a second computation.
        var answer = a.RootElement;
        Assert.Equal(answer.GetProperty("violations").GetInt32(), Values("dwellings-below-minimum-distance")[0]);
        Assert.Equal(answer.GetProperty("veBonusHouseholds").GetInt32(), Values("ve-bonus-households")[0]);
        Assert.Equal(answer.GetProperty("salesOptionHouseholds").GetInt32(), Values("sales-option-households")[0]);
        Assert.Equal(Math.Round(answer.GetProperty("greenPoolDkk").GetDouble()), Values("green-pool-dkk-total")[0]);
        Assert.Equal(answer.GetProperty("noise").GetProperty("summary").GetProperty("over8").GetInt32(), Values("dwellings-over-noise-limit-8ms")[0]);
        Assert.Equal(answer.GetProperty("shadowFlicker").GetProperty("summary").GetProperty("overLimit").GetInt32(), Values("dwellings-over-flicker-recommendation")[0]);
        // Green pool: 4.2 MW and 3 MW onshore in 0741 at the rate for permits from 1 July 2024 (the same rate, so 4.2 : 3).
        Assert.Equal(4.2 / 3, Values("green-pool-dkk-0741")[0]!.Value / Values("green-pool-dkk-0741")[1]!.Value, 6);
        var difference = rows["capacity-mw"].GetProperty("differences")[0];
        Assert.Equal("compare.higher", difference.GetProperty("code").GetString());
        Assert.Equal("Layout A: installed capacity 1.2 MW higher than layout B (4.2 against 3 MW)", difference.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_csv_has_a_row_per_measure_and_a_column_per_layout_as_the_json()
    {
        using var json = JsonDocument.Parse(await (await Post($"{{\"layouts\":[{A},{B}]}}")).Content.ReadAsStringAsync());
        var response = await Post($"{{\"layouts\":[{A},{B}]}}", "?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(["measure_id", "measure", "unit", "status", "better", "A: tall", "B: short", "best", "differences"], csv.HeaderRecord!);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add([.. Enumerable.Range(0, 9).Select(i => csv.GetField(i)!)]);
        var jsonRows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(jsonRows.Select(r => r.GetProperty("id").GetString()), rows.Select(r => r[0]));
        var capacity = rows.Single(r => r[0] == "capacity-mw");
        Assert.Equal(["capacity-mw", "installed capacity", "MW", "layout", "higher", "4.2", "3", "A"], capacity[..8]);
        foreach (var (row, jsonRow) in rows.Zip(jsonRows))
        {
            var values = jsonRow.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "" : v.GetDouble().ToString("0.###", CultureInfo.InvariantCulture));
            Assert.Equal(values, row[5..7]);
        }
    }

    [Fact]
    public async Task The_geopackage_has_a_layer_per_layout_and_the_comparison_table()
    {
        var response = await Post($"{{\"layouts\":[{A},{B}]}}", "?format=gpkg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), $"compare-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var layers = Ogrinfo("-ro", "-q", path);
            Assert.Contains("layout_a", layers);
            Assert.Contains("layout_b", layers);
            Assert.Contains("comparison", layers);
            var comparison = Ogrinfo("-ro", "-q", path, "-where", "measure_id = 'capacity-mw'", "comparison");
            Assert.Contains("value_a (Real) = 4.2", comparison);
            Assert.Contains("value_b (Real) = 3", comparison);
            Assert.Contains("best (String) = A", comparison);
            // Layout A's layer: its one turbine as a point in EPSG:25832, and its dwellings.
            var plant = Ogrinfo("-ro", "-q", path, "-where", "kind = 'plant'", "layout_a");
            Assert.Contains("capacity_kw (Real) = 4200", plant);
            Assert.Contains("total_height_m (Real) = 150", plant);
            Assert.Contains("POINT (", plant);
            Assert.Contains("ETRS89 / UTM zone 32N", Ogrinfo("-ro", "-so", path, "layout_a"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Ogrinfo(params string[] arguments)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
