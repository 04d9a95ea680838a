using System.Text.Json;
using VeSiting.Api.Tests.Api;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Tests;

namespace VeSiting.Api.Tests.Contract;

/// <summary>
/// One table of site questions asked through both front ends, the service (<c>GET /api/assess/site</c>) and the command
/// line (<c>vesiting assess site</c>): a valid question gets the same answer from both (tariff zones, prices, bills,
/// VE-bonus, consumption, customer), an invalid one the same refusal (kind, field and reason). The reasons are written out
/// here; the command line puts the option the field is given with in front of the same reason.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SiteQuestionContractTests(ApiFactory factory)
{
    public static TheoryData<string, string, string[], Refused> Refusals => new()
    {
        { "no location", "kwh=4000", ["--kwh", "4000"],
            Refused.Invalid("location", null, "give exactly one location: latitude and longitude, easting and northing (EPSG:25832), an address or a building") },
        { "two locations", "lat=55.48&lon=11.19&address=Eliasgade%2010", ["--lat", "55.48", "--lon", "11.19", "--address", "Eliasgade 10"],
            Refused.Invalid("location", null, "give exactly one location: latitude and longitude, easting and northing (EPSG:25832), an address or a building") },
        { "latitude without longitude", "lat=55.48", ["--lat", "55.48"], Refused.Invalid("lon", "--lon", "latitude and longitude must be given together") },
        { "latitude out of range", "lat=91&lon=11", ["--lat", "91", "--lon", "11"], Refused.Invalid("lat", "--lat", "'91' is not a latitude (from -90 to 90)") },
        { "latitude not a number", "lat=abc&lon=11", ["--lat", "abc", "--lon", "11"], Refused.Invalid("lat", "--lat", "'abc' is not a finite number") },
        // Paris: inside the globe, outside Denmark's box (lon 7–15.8, lat 54.3–58).
        { "outside Denmark", "lat=48.85&lon=2.35", ["--lat", "48.85", "--lon", "2.35"],
            Refused.Invalid("lat", "--lat", "(48.85, 2.35) lies outside Denmark (lon 7–15.8, lat 54.3–58)") },
        { "easting and northing outside Denmark", "e=1&n=2", ["--utm", "1 2"],
            Refused.Invalid("e", "--utm", "(1, 2) lies outside Denmark's extent E 380000–920000, N 6020000–6440000 (EPSG:25832)") },
        { "easting not a number", "e=x&n=6174832", ["--utm", "x 6174832"], Refused.Invalid("e", "--utm", "'x' is not a finite number") },
        { "negative consumption", "address=Eliasgade%2010&kwh=-5", ["--address", "Eliasgade 10", "--kwh", "-5"],
            Refused.Invalid("kwh", "--kwh", "'-5' is not an annual consumption in kWh (above 0 to 10000000000)") },
        // Before: the command line took an infinite consumption and the service refused it.
        { "infinite consumption", "address=Eliasgade%2010&kwh=Infinity", ["--address", "Eliasgade 10", "--kwh", "Infinity"],
            Refused.Invalid("kwh", "--kwh", "'Infinity' is not a finite number") },
        { "consumption beyond the range", "address=Eliasgade%2010&kwh=1e11", ["--address", "Eliasgade 10", "--kwh", "1e11"],
            Refused.Invalid("kwh", "--kwh", "'1e11' is not an annual consumption in kWh (above 0 to 10000000000)") },
        { "two time-of-use shares", "address=Eliasgade%2010&tou=1,2", ["--address", "Eliasgade 10", "--tou", "1,2"],
            Refused.Invalid("tou", "--tou", "'1,2' is not three non-negative shares LOW,HIGH,PEAK (e.g. 0.6,0.3,0.1)") },
        { "unknown customer", "address=Eliasgade%2010&customer=bank", ["--address", "Eliasgade 10", "--customer", "bank"],
            Refused.Invalid("customer", "--customer", "'bank' is not household or firm") },
        { "process refund for a household", "address=Eliasgade%2010&processRefund=true", ["--address", "Eliasgade 10", "--process-refund"],
            Refused.Invalid("processRefund", "--process-refund", "the process refund of elafgift is for VAT-registered firms only: the customer must be firm") },
        { "no such address", "address=Nowhere%20Street%2099999", ["--address", "Nowhere Street 99999"], Refused.NotFound("address", "no address matches 'Nowhere Street 99999'") },
        { "no such building", "building=no-such-building", ["--building", "no-such-building"], Refused.NotFound("building", "no building with id or BBR id 'no-such-building'") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task The_same_bad_question_gets_the_same_refusal_from_both(string name, string query, string[] cli, Refused expected)
    {
        var response = await factory.CreateClient().GetAsync($"/api/assess/site?{query}");
        var reason = await Problems.AssertProblemAsync(response, expected.Status, expected.Field);
        Assert.True(expected.Reason == reason, $"{name}: the service said '{reason}'");

        await expected.AssertCliRefusesAsync(name, ["assess", "site", .. cli, "--year", "2026"]);
    }

    /// <summary>Two answers only: each loads the data for the command line (the refusals above come before loading, but for "not found").</summary>
    public static TheoryData<string, string, string[]> Answers => new()
    {
        { "an address, the default household", "address=Eliasgade%2010,%202300", ["--address", "Eliasgade 10, 2300"] },
        // Journey 1's firm: E/N of the DAR row, 1.2 GWh, its time of use, VAT-registered with process use.
        { "a VAT-registered firm by easting and northing", "e=727557.90&n=6174832.99&kwh=1200000&tou=0.6,0.3,0.1&customer=firm&processRefund=true",
            ["--utm", "727557.90 6174832.99", "--kwh", "1200000", "--tou", "0.6,0.3,0.1", "--customer", "firm", "--process-refund"] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_same_question_gets_the_same_answer_from_both(string name, string query, string[] cli)
    {
        using var api = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/assess/site?{query}&year=2026"));
        var run = await CliRun.Of(["assess", "site", .. cli, "--year", "2026", "--format", "json"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, $"{name}: {run}");
        using var cliJson = JsonDocument.Parse(run.Output);
        var service = api.RootElement;
        var summary = cliJson.RootElement.GetProperty("summary");

        Assert.Equal(service.GetProperty("veBonusDkkPerYear").GetDouble(), summary.GetProperty("ve_bonus_dkk_per_year").GetDouble(), 0.5);
        Assert.Equal($"{service.GetProperty("profile").GetString()}: {service.GetProperty("annualKwh").GetDouble():0} kWh/yr", summary.GetProperty("consumption").GetString());
        Assert.Equal(service.GetProperty("customer").GetString()!.Split(':')[0], summary.GetProperty("customer").GetString()!.Split(':')[0]);

        var cliTariffs = cliJson.RootElement.GetProperty("sections").GetProperty("tariffs").GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("scenario").GetString()!);
        var serviceTariffs = service.GetProperty("tariffs").EnumerateArray().ToList();
        Assert.NotEmpty(serviceTariffs);
        Assert.Equal(serviceTariffs.Count, cliTariffs.Count);
        foreach (var tariff in serviceTariffs)
        {
            var scenario = tariff.GetProperty("scenario").GetString()!;
            var other = cliTariffs[scenario];
            // The command line's table says "none" where the service's JSON has no zone (null).
            Assert.Equal(tariff.GetProperty("zone").GetString() ?? "none", other.GetProperty("zone").GetString());
            Assert.Equal(tariff.GetProperty("priceWithoutDkkPerKwh").GetDouble(), other.GetProperty("price_without_dkk_kwh").GetDouble(), 0.0001);
            Assert.Equal(tariff.GetProperty("priceWithDkkPerKwh").GetDouble(), other.GetProperty("price_with_dkk_kwh").GetDouble(), 0.0001);
            Assert.Equal(tariff.GetProperty("billWithoutDkk").GetDouble(), other.GetProperty("bill_without_dkk_yr").GetDouble(), 0.5); // the command line rounds to whole DKK
        }
    }
}
