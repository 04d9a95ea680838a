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
    public void The_profile_schema_lists_exactly_the_registered_criteria()
    {
        // The schema validates a profile before the loader looks a criterion up in the registry: the two must not drift apart.
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectLayout.Locate().Root, "geodata", "schemas", "siting-profile.schema.json")));
        var listed = schema.RootElement.GetProperty("properties").GetProperty("criteria").GetProperty("items").GetProperty("properties")
            .GetProperty("criterion").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(VeSiting.Core.Suitability.Criteria.SitingCriteria.All.Select(c => c.Id), listed);
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
    public void Regional_figures_come_by_landsdel_too_with_one_code_per_row()
    {
        using var dir = new Fixtures.TempDirectory();
        var figures = UserLayerReader.ReadRegionalFigures(dir.Write("jobs.csv", "landsdel_code,value\nDK032,18.2\ndk011,40\n"));
        Assert.Equal(18.2, figures["DK032"]);
        Assert.Equal(40, figures["DK011"]);
        var bad = Assert.Throws<VeSiting.Core.Importing.ImportFailedException>(() => UserLayerReader.ReadRegionalFigures(dir.Write("bad.csv", "landsdel_code,value\nDK011,1\nSydjylland,3\n")));
        Assert.Contains("bad.csv", bad.Message);
        Assert.Contains("row 3", bad.Message);
        Assert.Contains("landsdel_code", bad.Message);
        Assert.Contains("'Sydjylland' is not a landsdel code", bad.Message);
        var two = Assert.Throws<VeSiting.Core.Importing.ImportFailedException>(() => UserLayerReader.ReadRegionalFigures(dir.Write("two.csv", "municipality_code,landsdel_code,value\n101,DK011,3\n")));
        Assert.Contains("one area code per row", two.Message);
    }

    [Fact]
    public void Profiles_say_which_level_their_regional_figures_use()
    {
        var profile = Loader.LoadAll()["precision-fermentation"];
        Assert.Equal("landsdel", profile.Criteria.Single(c => c.Layer == "state-jobs").Level);
        Assert.Contains("landsdel", profile.Reason);
        var wrong = Assert.Throws<RuleFileException>(() => Loader.Parse("""{"id":"x","version":"1","title":"t","scenario":"banded-distance","consumption":{"annualKwh":1,"timeOfUse":{"low":1,"high":0,"peak":0}},"criteria":[{"criterion":"heat-distance","weight":1,"worst":0,"best":1,"level":"landsdel"}]}"""u8.ToArray(), "x.json"));
        Assert.Equal("$.criteria[0].level", wrong.JsonPath);
    }

    [Fact]
    public void Polygon_layers_keep_their_shapes_for_farmland()
    {
        using var dir = new Fixtures.TempDirectory();
        var layer = UserLayerReader.ReadPoints(dir.Write("fields.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[
              {"type":"Feature","properties":{"id":"f1"},"geometry":{"type":"Polygon","coordinates":[[[575000,6225000],[575100,6225000],[575100,6225100],[575000,6225100],[575000,6225000]]]}},
              {"type":"Feature","properties":{"id":"p1"},"geometry":{"type":"Point","coordinates":[575000,6225000]}}]}
            """)).Select(p => p.ToLayerPoint()).ToList();
        Assert.Equal(10_000, layer[0].Shape!.Area, 6);
        Assert.Null(layer[1].Shape);
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
