using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Data.Tests.Rules;

public sealed class SitingProfileTests
{
    private static readonly SitingProfileLoader Loader = new(Path.Combine(ProjectLayout.Locate().Root, "geodata"));

    [Fact]
    public void The_four_shipped_profiles_load()
    {
        var profiles = Loader.LoadAll();
        Assert.Equal(["data-centre", "greenhouse", "precision-fermentation", "ptx-oxygen"], profiles.Keys.Order());
        Assert.All(profiles.Values, p => Assert.True(p.Criteria.Sum(c => c.Weight) > 0));
        Assert.Equal(1_200_000, profiles["greenhouse"].AnnualKwh);
    }

    [Theory]
    [InlineData("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"sunshine","weight":1,"worst":0,"best":1}]}""",
        "$.criteria[0].criterion")]
    [InlineData("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"heat-distance","weight":"three","worst":0,"best":1}]}""",
        "$.criteria[0].weight")]
    [InlineData("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"points-distance","weight":1,"worst":0,"best":1}]}""",
        "$.criteria[0].layer")]
    [InlineData("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"heat-distance","weight":0,"worst":0,"best":1}]}""",
        "$.criteria")]
    [InlineData("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":-5,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"heat-distance","weight":1,"worst":0,"best":1}]}""",
        "$.consumption.annualKwh")]
    public void A_broken_profile_is_a_clear_error_naming_the_json_path(string json, string path)
    {
        var e = Assert.Throws<RuleFileException>(() => Loader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "mine.json"));
        Assert.Equal("mine.json", e.File);
        Assert.Equal(path, e.JsonPath);
    }
}
