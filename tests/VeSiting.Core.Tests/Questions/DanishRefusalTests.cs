using VeSiting.Core.Explanations;
using VeSiting.Core.Outcomes;
using VeSiting.Core.Questions;

namespace VeSiting.Core.Tests.Questions;

/// <summary>
/// A question's refusal carries its reason as a code and values: the English text stays as it was, and the Danish is the
/// same refusal in a Danish case officer's words, numbers the Danish way, the value as typed and the field untouched.
/// </summary>
public sealed class DanishRefusalTests
{
    private static Refusal Refused<T>(Outcome<T> outcome) => outcome.Refusal ?? throw new InvalidOperationException("the question was answered");

    [Fact]
    public void A_latitude_out_of_range()
    {
        var refusal = Refused(LocationQuestion.Parse(new LocationText(Lat: "99", Lon: "10")));
        Assert.Equal("lat", refusal.Field);
        Assert.Equal("'99' is not a latitude (from -90 to 90)", refusal.Reason);
        Assert.Equal("value.not-within", refusal.Because!.Code);
        Assert.Equal("'99' er ikke en breddegrad: værdien skal ligge mellem -90 og 90", refusal.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void Latitude_without_longitude()
    {
        var refusal = Refused(LocationQuestion.Parse(new LocationText(Lat: "56")));
        Assert.Equal("lon", refusal.Field);
        Assert.Equal("latitude and longitude must be given together", refusal.Reason);
        Assert.Equal("bredde- og længdegrad skal angives sammen", refusal.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_cell_size_with_decimals_keeps_the_value_as_typed()
    {
        var refusal = Refused(SitingGridQuestion.Parse(new SitingGridText(Cell: "50.5")));
        Assert.Equal("cell", refusal.Field);
        Assert.Equal("'50.5' is not a cell size in metres (from 100 to 50000)", refusal.Reason);
        Assert.Equal("'50.5' er ikke en cellestørrelse i meter: værdien skal ligge mellem 100 og 50000", refusal.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_process_refund_for_a_household()
    {
        var profiles = new Dictionary<string, Core.Tariffs.ConsumptionProfile>
        {
            ["household"] = new("household", "household", 4_000, Core.Tariffs.TimeOfUseShares.Uniform(0.6, 0.3, 0.1)),
        };
        var refusal = Refused(ConsumptionQuestion.Parse(new ConsumptionText(Customer: "household", ProcessRefund: "true"), profiles));
        Assert.Equal("processRefund", refusal.Field);
        Assert.Equal("the process refund of elafgift is for VAT-registered firms only: the customer must be firm", refusal.Reason);
        Assert.Equal("godtgørelse af elafgift til procesformål gælder kun momsregistrerede virksomheder: kunden skal være firm", refusal.Render(MessageCatalogue.Danish));

        var unknown = Refused(ConsumptionQuestion.Parse(new ConsumptionText(Profile: "farm"), profiles));
        Assert.Equal("'farm' is not one of household", unknown.Reason);
        Assert.Equal("'farm' er ikke en af household", unknown.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_refusal_without_a_code_is_english_in_every_language()
    {
        var refusal = Refusal.Invalid("body", "not valid JSON at line 1, column 2");
        Assert.Null(refusal.Because);
        Assert.Equal("not valid JSON at line 1, column 2", refusal.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_ring_that_is_not_closed_names_the_feature()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[10,56],[10.1,56],[10.1,56.1],[10,56.2]]]}}]}""");
        var refusal = GeoJsonCheck.Project(json.RootElement)!;
        Assert.Equal("geometry", refusal.Field);
        Assert.Equal("feature 1, coordinates[0]: the ring is not closed: its last position must equal its first", refusal.Reason);
        Assert.Equal("feature 1, coordinates[0]: ringen er ikke lukket: dens sidste position skal være lig med den første", refusal.Render(MessageCatalogue.Danish));
    }

    [Fact]
    public void A_turbine_with_one_sound_power_only()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"lwa_6ms_db":100},"geometry":{"type":"Point","coordinates":[10,56]}}]}""");
        var refusal = GeoJsonCheck.Project(json.RootElement)!;
        Assert.Equal("lwa_8ms_db", refusal.Field);
        Assert.Equal("feature 1: give the sound power at both 6 and 8 m/s", refusal.Reason);
        Assert.Equal("feature 1: angiv kildestyrken ved både 6 og 8 m/s", refusal.Render(MessageCatalogue.Danish));
    }
}
