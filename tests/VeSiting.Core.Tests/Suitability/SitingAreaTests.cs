using VeSiting.Core.Outcomes;
using VeSiting.Core.Suitability;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Tests.Suitability;

/// <summary>An area that cannot be resolved is a refusal naming the field "area" (invalid or not found), not an exception.</summary>
public sealed class SitingAreaTests
{
    private static SitingService Service()
    {
        var inputs = SitingEngineTests.Inputs();
        return new SitingService(SitingEngineTests.StoreOf(inputs), inputs.Rules, inputs.Prices,
            new Dictionary<string, TariffScenario> { [inputs.Scenario.Id] = inputs.Scenario }, inputs.Today);
    }

    [Theory]
    [InlineData("atlantis", RefusalKind.Invalid)]
    [InlineData("municipality", RefusalKind.Invalid)]
    [InlineData("municipality:0999", RefusalKind.NotFound)]
    [InlineData("region:1081", RefusalKind.NotFound)]
    public async Task An_unknown_area_is_refused_with_its_field(string area, RefusalKind kind)
    {
        var outcome = await Service().ResolveAreaAsync(area, CancellationToken.None);

        Assert.False(outcome.Answered);
        Assert.Equal(kind, outcome.Refusal.Kind);
        Assert.Equal("area", outcome.Refusal.Field);
    }

    [Fact]
    public async Task A_known_area_is_its_polygon_and_label()
    {
        // Hand-made municipality 0101 is the 10 × 20 km square x 590–600 km, y 6,190–6,210 km: 200 km².
        var area = (await Service().ResolveAreaAsync("municipality:0101", CancellationToken.None)).Value;

        Assert.Equal(200e6, Assert.Single(area.Areas).Area, 1e-3);
        Assert.Equal("0101 (0101)", area.Label.Text);
    }

    [Fact]
    public void A_profile_naming_an_unknown_scenario_is_refused_with_the_field_profile()
    {
        var profile = SitingEngineTests.Profile() with { Scenario = "nowhere" };

        var refusal = Service().Check(profile);

        Assert.NotNull(refusal);
        Assert.Equal(("profile", RefusalKind.Invalid), (refusal.Field, refusal.Kind));
        Assert.Null(Service().Check(SitingEngineTests.Profile()));
    }
}
