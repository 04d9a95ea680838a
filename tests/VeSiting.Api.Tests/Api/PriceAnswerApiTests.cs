using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// Prices in the site answer: the fallback to the latest earlier price stack, firms (VAT, process refund), fixed charges,
/// component sources and statuses. Eliasgade 10 is in zone A of the banded scenario (nearest covered turbine 1,459 m);
/// the shipped 2026 stack equals the one in TariffTests (113.986 øre/kWh before VAT for the household profile, zone A
/// 83.643) plus a 252 DKK/year grid subscription and a 0.4 øre/kWh process refund.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PriceAnswerApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonDocument> SiteAsync(string query)
    {
        var response = await _client.GetAsync($"/api/assess/site?address=Eliasgade%2010,%202300&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Banded(JsonDocument json) =>
        json.RootElement.GetProperty("tariffs").EnumerateArray().Single(t => t.GetProperty("scenario").GetString() == "banded-distance");

    [Fact]
    public async Task Year_2027_answers_with_2026_prices_carried_forward_and_says_so()
    {
        using var json = await SiteAsync("year=2027");
        var root = json.RootElement;
        Assert.Equal(2027, root.GetProperty("priceYear").GetInt32());
        Assert.StartsWith("2026 prices carried forward to 2027", root.GetProperty("pricesCarriedForward").GetString());
        Assert.StartsWith("dk-household-2026@", root.GetProperty("priceStack").GetString());
        Assert.Contains(root.GetProperty("provenance").GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("2026 prices carried forward to 2027"));
        var banded = Banded(json);
        // 2026's numbers: 5,699.30 + 252 × 1.25 = 6,014.30 DKK without the zone.
        Assert.Equal(6014.30, banded.GetProperty("billWithoutDkk").GetDouble(), 0.01);
        Assert.Contains("2026 prices carried forward to 2027", banded.GetProperty("priceWhy").GetString());
    }

    [Fact]
    public async Task The_years_own_stack_is_not_flagged()
    {
        using var json = await SiteAsync("year=2026");
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pricesCarriedForward").ValueKind);
        Assert.Equal(2026, json.RootElement.GetProperty("priceYear").GetInt32());
    }

    [Fact]
    public async Task A_year_before_the_earliest_stack_is_a_problem_naming_year()
    {
        var reason = await Problems.AssertProblemAsync(await _client.GetAsync("/api/assess/site?address=Eliasgade%2010&year=2023"), HttpStatusCode.BadRequest, "year");
        Assert.Contains("the earliest is 2024", reason);
    }

    [Fact]
    public async Task A_firm_with_process_use_pays_no_VAT_and_gets_the_elafgift_refund()
    {
        using var json = await SiteAsync("customer=firm&processRefund=true");
        Assert.Equal("firm", json.RootElement.GetProperty("customer").GetString());
        Assert.True(json.RootElement.GetProperty("processRefund").GetBoolean());
        var banded = Banded(json);
        // Without: (113.986 − 0.4) øre × 4,000 kWh = 4,543.44 + 252 = 4,795.44 DKK; zone A: (83.643 − 0.4) × 40 = 3,329.72 + 252 = 3,581.72.
        Assert.Equal(1.1359, banded.GetProperty("priceWithoutDkkPerKwh").GetDouble(), 0.0001);
        Assert.Equal(4795.44, banded.GetProperty("billWithoutDkk").GetDouble(), 0.01);
        Assert.Equal(3581.72, banded.GetProperty("billWithDkk").GetDouble(), 0.01);
        Assert.Equal(1213.72, banded.GetProperty("savingDkkPerYear").GetDouble(), 0.01);
        var why = banded.GetProperty("priceWhy").GetString()!;
        Assert.Contains("VAT (25 %) excluded, deductible", why);
        Assert.Contains("elafgift refunded for process use: 0.4 øre/kWh (elafgiftsloven § 11", why);
        var refund = json.RootElement.GetProperty("priceComponents").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "processRefund");
        Assert.Equal(-0.4, refund.GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal("https://info.skat.dk/data.aspx?oid=2062274", refund.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Tariff_zones_are_proposals_and_never_recorded_as_confirmed()
    {
        using var json = await SiteAsync("year=2026");
        Assert.All(json.RootElement.GetProperty("tariffs").EnumerateArray(), t =>
        {
            Assert.Equal("proposal", t.GetProperty("status").GetString());
            Assert.Equal("estimate", t.GetProperty("priceStatus").GetString());
        });
        Assert.Contains(json.RootElement.GetProperty("provenance").GetProperty("unconfirmed").EnumerateArray(),
            u => u.GetString()!.Contains("proposal: tariff scenario 'banded-distance' is not law"));
    }

    [Fact]
    public async Task Every_price_component_lists_its_source_address_read_date_status_and_confidence()
    {
        using var json = await SiteAsync("year=2026");
        var components = json.RootElement.GetProperty("priceComponents").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.Equal(["dsoSubscription", "dsoTariff", "elafgift", "energinetTariffs", "spot", "supplierMargin"], components.Keys.Order());
        Assert.All(components.Values, c =>
        {
            Assert.StartsWith("https://", c.GetProperty("url").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", c.GetProperty("read").GetString());
        });
        var subscription = components["dsoSubscription"];
        Assert.Equal(252, subscription.GetProperty("value").GetDouble());
        Assert.Equal("DKK/year", subscription.GetProperty("unit").GetString());
        Assert.Equal("estimate", subscription.GetProperty("status").GetString());
        Assert.StartsWith("unconfirmed", subscription.GetProperty("flag").GetString());
        Assert.Equal("law", components["elafgift"].GetProperty("status").GetString());
        Assert.Equal("confirmed", components["elafgift"].GetProperty("confidence").GetString());
        Assert.Equal(35.686, components["dsoTariff"].GetProperty("value").GetDouble(), 1e-4);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_customer_options()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var site = json.RootElement.GetProperty("paths").GetProperty("/api/assess/site").GetProperty("get");
        var names = site.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("customer", names);
        Assert.Contains("processRefund", names);
        Assert.Contains("year", names);
        Assert.Contains("customer=firm", site.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("customer=bank", "customer")]
    [InlineData("processRefund=yes", "processRefund")]
    [InlineData("processRefund=true", "processRefund")]
    public async Task Bad_customer_options_are_problems_naming_the_field(string query, string field)
    {
        await Problems.AssertProblemAsync(await _client.GetAsync($"/api/assess/site?address=Eliasgade%2010&{query}"), HttpStatusCode.BadRequest, field);
    }
}
