using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Core.Noise;
using VeSiting.Core.Spatial;
using VeSiting.Data.Exports;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Loading;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Noise;

/// <summary>Turbine-acoustics files: reading (errors by file, row and column), the name normalisation, and matching to register turbines.</summary>
public sealed class TurbineAcousticsTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Noise", "Fixtures");
    private static readonly string Geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
    private static readonly AcousticsRange Shipped = AcousticsRange.From(RuleLibrary.Load(Geodata).Rules, new DateOnly(2026, 12, 6));

    [Fact]
    public void A_bad_file_fails_naming_file_row_and_column_of_every_wrong_value()
    {
        var failure = Assert.Throws<ImportFailedException>(() =>
            SourceImporters.Read("turbine-acoustics", Path.Combine(Fixtures, "turbine-acoustics-bad.csv"), "turbine-acoustics"));

        // Row 3: 140 dB(A) is outside the plausible range; row 4: 7 octave values; row 5: 12 low-frequency values; row 6: row 2's
        // manufacturer, model and mode spelt otherwise ("VESTAS WIND SYSTEMS A/S", "v117 3.6MW").
        Assert.All(failure.Errors, e => Assert.Equal("turbine-acoustics-bad.csv", e.File));
        Assert.Equal([(3, "lwa_8ms_db"), (4, "lwa_octaves_8ms_db"), (5, "lwa_lf_thirds_8ms_db"), (6, "mode")],
            failure.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("first in row 2", failure.Errors[^1].Reason);
    }

    [Fact]
    public void A_good_row_carries_its_values_and_names_its_source()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("sheet.csv", "manufacturer,model,mode,lwa_6ms_db,lwa_8ms_db,lwa_octaves_8ms_db\nVestas,V117-3.6 MW,0,103.5,106.0,87.1 93.6 98.6 101.0 100.5 97.3 90.0 79.8\n");

        var read = new TurbineAcousticsReader(Shipped).Read(path, "turbine-acoustics");

        var row = Assert.Single(read.Records);
        Assert.Empty(read.Issues);
        Assert.Equal((103.5, 106.0, AcousticsBasis.DataSheet), (row.Acoustics.Lwa6, row.Acoustics.Lwa8, row.Acoustics.Basis));
        Assert.Equal([87.1, 93.6, 98.6, 101.0, 100.5, 97.3, 90.0, 79.8], row.Acoustics.Octaves8!);
        Assert.Null(row.Acoustics.LowFrequencyThirds8);
        Assert.Equal("turbine-acoustics sheet.csv row 2: Vestas V117-3.6 MW, mode 0", row.Acoustics.Source);
    }

    [Fact]
    public void A_rule_set_with_another_range_changes_what_a_file_may_state()
    {
        // The hand-made rule folder narrows the plausible range to 70–120 dB(A) (bands from -40): 125 dB(A) and a band of -45 dB(A),
        // accepted under the shipped 60–130 (bands from -50), are refused naming row and column and quoting the fixture's range.
        using var temp = new TempDirectory();
        var path = temp.Write("sheet.csv", "manufacturer,model,mode,lwa_6ms_db,lwa_8ms_db,lwa_lf_thirds_8ms_db\n"
            + "Vestas,V117-3.6 MW,0,103.5,125.0,\n"
            + "Nordex,N117/3600,0,102.0,105.0,-45 44 48 52 55 58 61 64 67 70 73 76 79\n");
        var narrow = RuleLibrary.Load(Geodata, [Path.Combine(AppContext.BaseDirectory, "Noise", "NarrowRangeRules")]).Rules;

        Assert.Equal(2, SourceImporters.Read("turbine-acoustics", path, "turbine-acoustics", rules: RuleLibrary.Load(Geodata).Rules).Records);
        var refused = Assert.Throws<ImportFailedException>(() => SourceImporters.Read("turbine-acoustics", path, "turbine-acoustics", rules: narrow));

        Assert.Equal([(2, "lwa_8ms_db"), (3, "lwa_lf_thirds_8ms_db")], refused.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Equal("125 dB(A) is outside 70–120 dB(A) (rule set noise-estimates-narrow-test test.1)", refused.Errors[0].Reason);
        Assert.Equal("band level -45 dB(A) is outside -40–120 dB(A) (rule set noise-estimates-narrow-test test.1)", refused.Errors[1].Reason);
    }

    [Fact]
    public void A_noise_estimates_rule_set_without_the_plausible_range_is_refused_when_the_rules_load()
    {
        using var temp = new TempDirectory();
        var set = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Noise", "NarrowRangeRules", "noise-estimates-narrow.json")))!;
        set["values"]!.AsObject().Remove("lwaPlausibleMaximum");
        temp.Write("noise-estimates.json", set.ToJsonString());

        var refused = Assert.Throws<RuleFileException>(() => RuleLibrary.Load(Geodata, [temp.Path]));

        Assert.Contains("lwaPlausibleMaximum", refused.Message);
    }

    [Theory]
    [InlineData("Vestas Wind Systems A/S", "vestas")]
    [InlineData("VESTAS", "vestas")]
    [InlineData("Bonus Energy A/S", "bonus")]
    [InlineData("BONUS", "bonus")]
    [InlineData("SIEMENS", "siemens")]
    [InlineData("Siemens Wind Power A/S", "siemens")]
    [InlineData("Siemens Gamesa Renewable Energy", "siemens")]
    [InlineData("SGRE", "siemens")]
    [InlineData("NEG Micon", "negmicon")]
    [InlineData("Wind World", "windworld")]
    [InlineData("Gaia-Wind Ltd", "gaia")]
    [InlineData("ENERCON GmbH", "enercon")]
    public void Manufacturers_match_without_case_punctuation_company_form_or_generic_words(string name, string key) =>
        Assert.Equal(key, TurbineModelName.Manufacturer(name));

    [Theory]
    [InlineData("V117-3.6 MW", "v11736mw")]
    [InlineData("v117 3,6MW", "v11736mw")]
    [InlineData("1000 kW", "1000kw")]
    [InlineData("NM 52/900", "nm52900")]
    [InlineData("V 80 2", "v802")]
    public void Models_match_on_their_letters_and_digits(string name, string key) => Assert.Equal(key, TurbineModelName.Model(name));

    [Fact]
    public void A_register_turbine_gets_its_models_loudest_mode_and_an_unmatched_row_is_reported()
    {
        var sheets = new TurbineAcousticsReader(Shipped).Read(Path.Combine(Fixtures, "samsoe-thisted-acoustics-EXAMPLE.csv"), "turbine-acoustics").Records;
        Plant Turbine(string id, string manufacturer, string model) => new()
        {
            Id = id,
            Kind = PlantKind.WindTurbine,
            Status = PlantStatus.Operating,
            Geometry = GeometryTransforms.Utm32Point(590_000, 6_200_000),
            Origin = new RecordOrigin("ens", "register.xlsx", 20),
            HubHeightM = 50,
            RotorDiameterM = 54,
            Manufacturer = manufacturer,
            Model = model,
        };
        var given = Turbine("3", "BONUS", "1000 kW") with { Acoustics = new TurbineAcoustics(90, 92, null, null, AcousticsBasis.Layout) };

        var applied = TurbineAcousticsMatch.Apply([Turbine("1", "BONUS", "1000 kW"), Turbine("2", "Vestas Wind Systems A/S", "V 80 2"), given], sheets);

        // BONUS 1000 kW: modes "standard" (99.0) and "reduced" (97.0) → standard; V 80 2 is in no row; a layout's own sound power stays.
        Assert.Equal(1, applied.Matched);
        Assert.Equal((99.0, "turbine-acoustics samsoe-thisted-acoustics-EXAMPLE.csv row 2: Bonus Energy A/S 1000 kW, mode standard"),
            (applied.Plants[0].Acoustics!.Lwa8, applied.Plants[0].Acoustics!.Source!));
        Assert.Null(applied.Plants[1].Acoustics);
        Assert.Equal(AcousticsBasis.Layout, applied.Plants[2].Acoustics!.Basis);
        // Rows 4 (V117) and 5 (SG 6.0-170) match no turbine here: skipped, not applied.
        Assert.Equal([(ImportIssueSeverity.Skipped, 4), (ImportIssueSeverity.Skipped, 5)], applied.Issues.Select(i => (i.Severity, i.Row!.Value)));
    }
}

/// <summary>Noise-sensitive areas layers: categories per the noise order, GeoJSON and GeoPackage, errors by feature and property.</summary>
public sealed class NoiseAreaReaderTests
{
    [Theory]
    [InlineData("Boligområde", NoiseAreaKind.NoiseSensitive)]
    [InlineData("Blandet bolig og erhverv", NoiseAreaKind.NoiseSensitive)]
    [InlineData("Sommerhusområde", NoiseAreaKind.SummerHouse)]
    [InlineData("Offentlige formål", NoiseAreaKind.NoiseSensitive)]
    [InlineData("Rekreativt område", NoiseAreaKind.NoiseSensitive)]
    [InlineData("Kolonihaveområde", NoiseAreaKind.NoiseSensitive)]
    [InlineData("institution", NoiseAreaKind.NoiseSensitive)]
    [InlineData("Erhvervsområde", NoiseAreaKind.OpenCountry)]
    [InlineData("Centerområde", NoiseAreaKind.OpenCountry)]
    [InlineData("Teknisk anlæg", NoiseAreaKind.OpenCountry)]
    public void Categories_count_as_the_order_says(string category, NoiseAreaKind kind) => Assert.Equal(kind, NoiseAreaCategory.KindOf(category));

    [Fact]
    public void A_GeoJSON_layer_is_read_and_a_feature_without_category_is_an_error_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("areas.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[
             {"type":"Feature","properties":{"anvendelsegenerel":"Boligområde","plannavn":"Nordby"},"geometry":{"type":"Polygon","coordinates":[[[590000,6200000],[590500,6200000],[590500,6200500],[590000,6200000]]]}},
             {"type":"Feature","properties":{"name":"no category"},"geometry":{"type":"Polygon","coordinates":[[[591000,6200000],[591500,6200000],[591500,6200500],[591000,6200000]]]}},
             {"type":"Feature","properties":{"category":"Boligområde"},"geometry":{"type":"Point","coordinates":[590000,6200000]}}]}
            """);

        var read = new NoiseAreaReader().Read(path, "noise-sensitive-areas");

        var area = Assert.Single(read.Records);
        Assert.Equal(("Boligområde", NoiseAreaKind.NoiseSensitive, "Nordby", "areas.geojson#1"), (area.Category, area.Kind, area.Name, area.Id));
        Assert.Equal([(2, "category"), (3, "geometry")], read.Issues.Select(i => (i.Row!.Value, i.Column!)));
        Assert.All(read.Issues, i => Assert.Equal((ImportIssueSeverity.Error, "areas.geojson"), (i.Severity, i.File)));
    }

    [Fact]
    public void A_GeoPackage_layer_is_read_with_its_categories_and_geometry()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "areas.gpkg");
        var square = GeometryTransforms.FactoryFor(Epsg.Utm32).CreatePolygon([new(590000, 6200000), new(590400, 6200000), new(590400, 6200400), new(590000, 6200400), new(590000, 6200000)]);
        GeoPackageWriter.WriteFile(path, [new GeoPackageLayer("frames", "plan frames", "POLYGON", [("category", "TEXT"), ("name", "TEXT")],
            [((Geometry)square, ["Sommerhusområde", "Klitten"])])]);

        var read = new NoiseAreaReader().Read(path, "noise-sensitive-areas");

        var area = Assert.Single(read.Records);
        Assert.Empty(read.Issues);
        Assert.Equal((NoiseAreaKind.SummerHouse, "Klitten"), (area.Kind, area.Name));
        // 400 m × 400 m = 160,000 m².
        Assert.Equal(160_000, area.Geometry.Area, 1e-6);
    }
}
