using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>The answer's language: <c>lang</c> wins over <c>Accept-Language</c>; reasons keep their code and values in every language.</summary>
[Collection(ApiCollection.Name)]
public sealed class LanguageApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // 300 m east of turbine 570715000000045608 (connected 1997-07-17, H = 70 m), older than every rule period of the schemes.
    private const string BesideAnOldTurbine = "/api/assess/site?e=504330.19&n=6122243.80";

    private async Task<(HttpResponseMessage Response, JsonElement Plant)> Ask(string url, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plant = json.RootElement.GetProperty("plants").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "570715000000045608").Clone();
        return (response, plant);
    }

    private static JsonElement Finding(JsonElement plant, string scheme) =>
        plant.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("scheme").GetString() == scheme);

    [Fact]
    public async Task Accept_language_da_answers_in_danish_with_the_same_codes()
    {
        var (response, plant) = await Ask(BesideAnOldTurbine, "da-DK,da;q=0.9,en;q=0.5");
        Assert.Equal("da", response.Content.Headers.ContentLanguage.Single());
        var bonus = Finding(plant, "ve-bonus");
        Assert.Equal("ikke omfattet: ordningen gælder for tilladelser fra 2020-06-01, denne er dateret 1997-07-17", bonus.GetProperty("why").GetString());
        Assert.Equal("schemes.not-yet", bonus.GetProperty("whyReason").GetProperty("code").GetString());
        Assert.Equal("2020-06-01", bonus.GetProperty("whyReason").GetProperty("values").GetProperty("from").GetString());
        Assert.Equal(bonus.GetProperty("why").GetString(), bonus.GetProperty("whyReason").GetProperty("text").GetString());
        Assert.Equal("tilladelsesdatoen er ukendt; nettilsluttet 1997-07-17, så tilladelsen er dateret senest 1997-07-17: reglerne, der gjaldt på den dato, er antaget",
            plant.GetProperty("permit").GetString());
        Assert.Equal("permit.connected-on", plant.GetProperty("permitReason").GetProperty("values").GetProperty("when").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Core_labels_built_in_words_come_in_danish_beside_their_english_keys()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/assess/municipality/741");
        request.Headers.TryAddWithoutValidation("Accept-Language", "da");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Samsø has turbines on land and at sea: the technology stays the English key, its reason is in Danish.
        var technologies = json.RootElement.GetProperty("technologies").EnumerateArray()
            .ToDictionary(t => t.GetProperty("technology").GetString()!, t => t.GetProperty("technologyReason"));
        Assert.Equal("technology.offshore-wind", technologies["offshore wind"].GetProperty("code").GetString());
        Assert.Equal("havvind", technologies["offshore wind"].GetProperty("text").GetString());
        Assert.Equal("landvind", technologies["onshore wind"].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_lang_parameter_overrides_accept_language()
    {
        var (response, plant) = await Ask(BesideAnOldTurbine + "&lang=en", "da");
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.Equal("not covered: the scheme applies to permits from 2020-06-01, this one is dated 1997-07-17", Finding(plant, "ve-bonus").GetProperty("why").GetString());
        Assert.StartsWith("permit date unknown; connected on 1997-07-17", plant.GetProperty("permit").GetString());

        var (danish, _) = await Ask(BesideAnOldTurbine + "&lang=da", "en-GB");
        Assert.Equal("da", danish.Content.Headers.ContentLanguage.Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fr-FR, de;q=0.8")]
    [InlineData("da;q=0, en;q=0.1")]
    public async Task Without_a_language_vesiting_speaks_english(string? acceptLanguage)
    {
        var (response, plant) = await Ask(BesideAnOldTurbine, acceptLanguage);
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.StartsWith("not covered:", Finding(plant, "ve-bonus").GetProperty("why").GetString());
    }

    [Fact]
    public async Task An_unknown_lang_is_refused_naming_lang()
    {
        var reason = await Problems.AssertProblemAsync(await _client.GetAsync(BesideAnOldTurbine + "&lang=xx"), HttpStatusCode.BadRequest, "lang");
        Assert.Contains("'xx'", reason);
        Assert.Contains("da or en", reason);
    }
}
