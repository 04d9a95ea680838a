using System.Text.Json;
using VeSiting.Core.Domain;
using VeSiting.Core.Outcomes;
using VeSiting.Core.Questions;

namespace VeSiting.Core.Tests.Questions;

/// <summary>The options of the project, plant, municipality and impact questions: defaults, and refusals naming the field.</summary>
public sealed class ProjectQuestionsTests
{
    private static readonly PlannedLayout OneTurbine = new([PlannedPlants.Turbine("T1", 638500, 6150500, 95, 110, 4200)], new DateOnly(2026, 6, 1), "Høng vest");

    [Fact]
    public void The_name_is_the_options_else_the_layouts_else_the_fallback()
    {
        Assert.Equal("Mine", ProjectQuestion.Parse(OneTurbine, new ProjectText(Name: "Mine")).Value.Project.Name);
        Assert.Equal("Høng vest", ProjectQuestion.Parse(OneTurbine, new ProjectText()).Value.Project.Name);
        Assert.Equal("layout", ProjectQuestion.Parse(OneTurbine with { Name = null }, new ProjectText(), "layout").Value.Project.Name);
        Assert.Equal(ProjectQuestion.DefaultName, ProjectQuestion.Parse(OneTurbine with { Name = null }, new ProjectText()).Value.Project.Name);
    }

    [Fact]
    public void The_permit_date_option_wins_over_the_layouts()
    {
        Assert.Equal(new DateOnly(2026, 6, 1), ProjectQuestion.Parse(OneTurbine, new ProjectText()).Value.Project.PermitDate);
        Assert.Equal(new DateOnly(2025, 1, 2), ProjectQuestion.Parse(OneTurbine, new ProjectText(PermitDate: "2025-01-02")).Value.Project.PermitDate);
    }

    [Theory]
    [InlineData("2026-13-01", null, null, "permitDate", "'2026-13-01' is not a date (yyyy-mm-dd)")]
    [InlineData(null, 1899, null, "flickerYear", "1899 is not a year from 1900 to 2100")]
    [InlineData(null, 2101, null, "flickerYear", "2101 is not a year from 1900 to 2100")]
    [InlineData(null, null, 201, "name", "201 characters; at most 200")]
    public void A_bad_option_is_refused_naming_its_field(string? permit, int? flickerYear, int? nameLength, string field, string reason)
    {
        var refusal = ProjectQuestion.Parse(OneTurbine, new ProjectText(nameLength is { } n ? new string('x', n) : null, permit, flickerYear)).Refusal;
        Assert.Equal((RefusalKind.Invalid, field, reason), Of(refusal));
    }

    [Fact]
    public void The_flicker_year_defaults_to_the_year_of_today()
    {
        Assert.Equal(2031, FlickerYearQuestion.Parse(null).Value.For(new DateOnly(2031, 12, 31)));
        Assert.Equal(1900, FlickerYearQuestion.Parse(1900).Value.For(new DateOnly(2031, 12, 31)));
    }

    [Fact]
    public void A_plant_question_needs_a_GSRN()
    {
        Assert.Equal((RefusalKind.Invalid, "gsrn", "give at least one GSRN"), Of(PlantQuestion.Parse(new PlantText([" ", ""])).Refusal));
        Assert.Equal(["570715000000045608", "570715000000045609"], PlantQuestion.Parse(new PlantText([" 570715000000045608", "570715000000045609"])).Value.Gsrns);
    }

    [Fact]
    public void A_municipality_code_is_trimmed_and_must_be_given()
    {
        Assert.Equal("0573", MunicipalityQuestion.Parse(" 0573 ").Value.Code);
        Assert.Equal((RefusalKind.Invalid, "code", "give a municipality code (e.g. 573)"), Of(MunicipalityQuestion.Parse("  ").Refusal));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Denmark", true)]
    [InlineData("region:1084", true)]
    [InlineData("kommune:0573", true)]
    [InlineData("region:", false)]
    [InlineData("county:12", false)]
    [InlineData("573", false)]
    public void An_impact_area_is_denmark_a_region_or_a_municipality(string? area, bool accepted)
    {
        var outcome = ImpactQuestion.Parse([], area, synthetic: false);
        Assert.Equal(accepted, outcome.Answered);
        if (!accepted)
            Assert.Equal((RefusalKind.Invalid, "area", $"area '{area}' is not denmark, region:CODE or municipality:CODE"), Of(outcome.Refusal));
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"hub_height_m":301},"geometry":null}]}""", "hub_height_m", "feature 1: 301 is not within above 0 to 300")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[200,55]}}]}""", "geometry", "feature 1, coordinates[0]: 200 is out of range (±180°)")]
    [InlineData("""{"type":"FeatureCollection","permit_date":"June","features":[]}""", "permit_date", "'June' is not a date (yyyy-mm-dd)")]
    public void The_GeoJSON_check_names_the_property_and_the_feature(string json, string field, string reason)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal((RefusalKind.Invalid, field, reason), Of(GeoJsonCheck.Project(document.RootElement)));
    }

    private static (RefusalKind, string?, string)? Of(Refusal? refusal) => refusal is null ? null : (refusal.Kind, refusal.Field, refusal.Reason);
}
