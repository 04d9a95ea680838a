using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Tests.Api;
using VeSiting.Data.Sources;

namespace VeSiting.Api.Tests.Security;

/// <summary>Publishing rule sets over HTTP: checked like the built-in files, in force at once, never half written.</summary>
public sealed class RulePublishingTests : IDisposable
{
    private const string Key = "rules-test-key-0123456789";
    private readonly string _state = Directory.CreateTempSubdirectory("vesiting-rules-state-").FullName;
    private readonly WebApplicationFactory<Program> _service;
    private readonly HttpClient _client;

    // User journey 1's turbine (4,200 kW, H = 150 m) with a permit date chosen per test.
    private static string Journey1(string permit) => $$$"""
        {"type":"FeatureCollection","permit_date":"{{{permit}}}","features":[
         {"type":"Feature","properties":{"id":"T1","hub_height_m":95,"rotor_diameter_m":110,"capacity_kw":4200},"geometry":{"type":"Point","coordinates":[11.191610543,55.480984828]}}]}
        """;

    // The built-in 2024-07 VE-bonus rules, republished for permits from 2027 with the cap doubled to 3 % of capacity.
    private static readonly string VeBonus2027 = File.ReadAllText(Path.Combine(ProjectLayout.Locate().Root, "geodata", "rules", "ve-bonus", "2024-07.json"))
        .Replace("\"2024-07.1\"", "\"2027-01.1\"").Replace("\"from\": \"2024-07-01\"", "\"from\": \"2027-01-01\"").Replace("\"value\": 0.015", "\"value\": 0.03");

    public RulePublishingTests()
    {
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", _state).UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0"));
        _client = _service.CreateClient();
    }

    public void Dispose()
    {
        _service.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private Task<HttpResponseMessage> Publish(string body, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return _client.SendAsync(request);
    }

    private async Task<JsonElement> VeBonusAsync(string permit)
    {
        var response = await _client.PostAsync("/api/assess/project", new StringContent(Journey1(permit), Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("veBonus");
    }

    private string[] PublishedFiles() => Directory.Exists(Path.Combine(_state, "rules")) ? Directory.GetFiles(Path.Combine(_state, "rules")) : [];

    [Fact]
    public async Task A_published_rule_set_governs_permits_in_its_period_at_once()
    {
        // Before: 1.5 % of 4,200 kW = 63 kW shared by the 42 households within 8 × H = 1,200 m → 1.5 kW each.
        Assert.Equal(1.5, (await VeBonusAsync("2027-03-01")).GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);

        var published = await Publish(VeBonus2027);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);

        // After: 3 % of 4,200 kW = 126 kW; 42 × 9.75 kW = 409.5 kW is above it, so 126 / 42 = 3.0 kW each.
        var after = await VeBonusAsync("2027-03-01");
        Assert.Equal(126, after.GetProperty("capKw").GetDouble(), 1e-9);
        Assert.Equal(3.0, after.GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);
        // A permit before 2027 is still governed by the built-in 2024-07 rules.
        Assert.Equal(1.5, (await VeBonusAsync("2026-06-01")).GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);

        var listed = JsonDocument.Parse(await _client.GetStringAsync("/api/rules")).RootElement;
        Assert.Contains(listed.GetProperty("ruleSets").EnumerateArray(), r => r.GetProperty("version").GetString() == "2027-01.1"
            && r.GetProperty("file").GetString() == "rule-set~ve-bonus~2027-01.1.json");
        Assert.Single(PublishedFiles());
    }

    [Fact]
    public async Task The_same_version_cannot_be_published_twice()
    {
        Assert.Equal(HttpStatusCode.Created, (await Publish(VeBonus2027)).StatusCode);
        await Problems.AssertProblemAsync(await Publish(VeBonus2027.Replace("\"value\": 0.03", "\"value\": 0.04")), HttpStatusCode.Conflict, "version");
        Assert.Equal(3.0, (await VeBonusAsync("2027-03-01")).GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);
    }

    [Theory]
    [InlineData("\"unit\": \"share\"", "\"unit\": 7", "$.values.capShareOfCapacity.unit")]
    [InlineData("\"from\": \"2027-01-01\"", "\"from\": \"2027-13-45\"", "$.permitPeriod.from")]
    [InlineData("\"id\": \"ve-bonus\"", "\"id\": \"../../etc/passwd\"", "$.id")]
    [InlineData("\"scheme\": \"ve-bonus\"", "\"schemeX\": \"ve-bonus\"", "$")]
    public async Task A_broken_rule_file_is_refused_naming_the_json_path_and_nothing_is_published(string from, string to, string field)
    {
        var broken = VeBonus2027.Replace(from, to);
        Assert.NotEqual(VeBonus2027, broken);
        var reason = await Problems.AssertProblemAsync(await Publish(broken), HttpStatusCode.BadRequest, field);
        Assert.NotEmpty(reason);
        Assert.Empty(PublishedFiles());
        Assert.Empty(Directory.GetDirectories(_state, ".rules-staging-*"));
        Assert.Equal(1.5, (await VeBonusAsync("2027-03-01")).GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Publishing_needs_the_key_and_not_valid_json_is_a_problem()
    {
        await Problems.AssertProblemAsync(await Publish(VeBonus2027, key: null), HttpStatusCode.Unauthorized, "X-Api-Key");
        await Problems.AssertProblemAsync(await Publish("{\"scheme\": "), HttpStatusCode.BadRequest, "$");
        Assert.Empty(PublishedFiles());
    }

    [Fact]
    public async Task Published_rules_are_in_force_after_a_restart()
    {
        Assert.Equal(HttpStatusCode.Created, (await Publish(VeBonus2027)).StatusCode);
        using var restarted = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
            .UseSetting("VeSiting:StateDirectory", _state).UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0"));
        var response = await restarted.CreateClient().PostAsync("/api/assess/project", new StringContent(Journey1("2027-03-01"), Encoding.UTF8, "application/geo+json"));
        var veBonus = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("veBonus");
        Assert.Equal(3.0, veBonus.GetProperty("effectiveKPerHouseholdKw").GetDouble(), 1e-9);
    }
}
