using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>The noise a home gets from the turbines in operation, in the site answer; and the municipality's dwellings over the limits.</summary>
[Collection(ApiCollection.Name)]
public sealed class SiteNoiseApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_home_on_Samsoe_hears_the_old_turbines_with_each_turbines_part_labelled_estimate()
    {
        // 400 m west of the register's BONUS 1000 kW 570715000000021725 (E 598986.32, N 6184709.40).
        var response = await _client.GetAsync("/api/assess/site?e=598586.32&n=6184709.40");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var noise = json.RootElement.GetProperty("noise");

        Assert.Equal("estimate", noise.GetProperty("status").GetString());
        var own = noise.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "570715000000021725");
        // site_noise.py: L_WA 103.522 / 99.822 dB(A) (estimate by rotor diameter 54 m), default shape, h 50, l 400 → 40.960 / 37.260.
        Assert.Equal((400.0, 41.0, 37.3, 103.5), (own.GetProperty("distanceM").GetDouble(), own.GetProperty("level8").GetDouble(),
            own.GetProperty("level6").GetDouble(), own.GetProperty("lwa8").GetDouble()));
        Assert.Equal(("estimate", true), (own.GetProperty("soundPower").GetString(), own.GetProperty("estimate").GetBoolean()));
        // Its neighbours in the row (about 460 m away) add to it: the total is louder than the one turbine, over the open-country 44 dB(A)
        // or not, but never below 41.0.
        Assert.True(noise.GetProperty("level8").GetDouble() > 41.0);
        Assert.True(noise.GetProperty("contributions").GetArrayLength() >= 3);
        Assert.Equal((44.0, 42.0, "open-country"), (noise.GetProperty("limit8").GetDouble(), noise.GetProperty("limit6").GetDouble(), noise.GetProperty("area").GetString()));
        Assert.Contains(noise.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "noise.area-open-country-default");
    }

    [Fact]
    public async Task The_municipality_answer_counts_dwellings_over_the_noise_limits_from_turbines_in_operation()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/assess/municipality/741"));
        var noise = json.RootElement.GetProperty("noise");
        var summary = noise.GetProperty("summary");

        Assert.Equal("estimate", noise.GetProperty("status").GetString());
        Assert.True(summary.GetProperty("dwellings").GetInt32() > 0);
        var over = noise.GetProperty("overLimit").GetInt32();
        Assert.Equal(Math.Min(over, 500), noise.GetProperty("dwellingsOverLimit").GetArrayLength());
        Assert.All(noise.GetProperty("dwellingsOverLimit").EnumerateArray(), d =>
            Assert.True(d.GetProperty("margin8").GetDouble() < 0 || d.GetProperty("margin6").GetDouble() < 0));
        Assert.True(noise.GetProperty("turbinesEstimated").GetInt32() >= 11);
    }
}
