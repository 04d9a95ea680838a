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

    [Fact]
    public void Precision_fermentation_no_longer_weighs_big_city_hinterlands_heaviest_and_says_why()
    {
        var profile = Loader.LoadAll()["precision-fermentation"];
        var population = profile.Criteria.Single(c => c.Criterion == "population");
        Assert.True(profile.Criteria.Where(c => c.Criterion != "population").All(c => c.Weight >= population.Weight));
        Assert.Contains("decentralisation", profile.Reason);
        Assert.Contains(profile.Criteria, c => c is { Criterion: "oxygen-demand", Layer: "oxygen-users", Optional: true });
    }

    [Fact]
    public void Regional_figures_come_by_municipality_or_region_and_bad_codes_name_the_row()
    {
        using var dir = new Fixtures.TempDirectory();
        var figures = UserLayerReader.ReadRegionalFigures(dir.Write("jobs.csv", "region_code,municipality_code,value\n1084,,31.5\n,101,12\n"));
        Assert.Equal(31.5, figures["1084"]);
        Assert.Equal(12, figures["0101"]); // DAGI writes municipality codes with four digits
        var bad = Assert.Throws<VeSiting.Core.Importing.ImportFailedException>(() => UserLayerReader.ReadRegionalFigures(dir.Write("bad.csv", "municipality_code,value\n1084x,3\n")));
        Assert.Contains("municipality_code", bad.Message);
        Assert.Contains("1084x", bad.Message);
    }

    [Fact]
    public void Point_layers_carry_tonnes_per_year_for_oxygen_demand()
    {
        using var dir = new Fixtures.TempDirectory();
        var points = UserLayerReader.ReadPoints(dir.Write("o2.csv", "id,e,n,tonnes_per_year\nwwtp,575000,6225000,1800\nfish,576000,6226000,\n"));
        Assert.Equal([1800, null], points.Select(p => p.Value));
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
