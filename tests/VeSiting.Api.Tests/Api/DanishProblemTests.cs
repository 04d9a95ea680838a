using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// Problems in the request's language: a refusal with a reason code is written in Danish when the request asks for it
/// (title, detail and reason; the field never), with <c>Content-Language: da</c>; the same request in English is
/// answered word for word as before. The Danish sentences are written by hand here, not read from the catalogue.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DanishProblemTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> Send(HttpMethod method, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await _client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response, json.RootElement.Clone());
    }

    private static void AssertProblem(HttpResponseMessage response, JsonElement problem, HttpStatusCode status, string language, string title, string? field, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.Equal(field is null ? reason : $"{field}: {reason}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_latitude_out_of_range_is_refused_in_danish_with_lang_da()
    {
        var (response, problem) = await Send(HttpMethod.Get, "/api/assess/site?lat=99&lon=10&lang=da");
        AssertProblem(response, problem, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "lat",
            "'99' er ikke en breddegrad: værdien skal ligge mellem -90 og 90");
    }

    [Fact]
    public async Task The_same_refusal_in_english_is_unchanged()
    {
        var (response, problem) = await Send(HttpMethod.Get, "/api/assess/site?lat=99&lon=10");
        AssertProblem(response, problem, HttpStatusCode.BadRequest, "en", "Invalid request", "lat", "'99' is not a latitude (from -90 to 90)");

        var (asked, english) = await Send(HttpMethod.Get, "/api/assess/site?lat=99&lon=10&lang=en", "da");
        AssertProblem(asked, english, HttpStatusCode.BadRequest, "en", "Invalid request", "lat", "'99' is not a latitude (from -90 to 90)");
    }

    [Fact]
    public async Task Accept_language_da_makes_the_question_refusals_danish()
    {
        // A number that is no number, a consumption refusal of the core question, and a location outside Denmark.
        var (notNumber, problem) = await Send(HttpMethod.Get, "/api/assess/site?lat=abc&lon=10", "da-DK,da;q=0.9");
        AssertProblem(notNumber, problem, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "lat", "'abc' er ikke et endeligt tal");

        var (customer, refused) = await Send(HttpMethod.Get, "/api/assess/site?lat=55.68&lon=12.57&customer=farm", "da");
        AssertProblem(customer, refused, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "customer", "'farm' er hverken household eller firm");

        var (outside, abroad) = await Send(HttpMethod.Get, "/api/assess/site?lat=48.85&lon=2.35&lang=da");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("lat", abroad.GetProperty("field").GetString());
        Assert.StartsWith("(48.85, 2.35) ligger uden for Danmark (", abroad.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Not_found_is_ikke_fundet()
    {
        var (response, problem) = await Send(HttpMethod.Get, "/api/assess/site?building=no-such-building&lang=da");
        AssertProblem(response, problem, HttpStatusCode.NotFound, "da", "Ikke fundet", "building", "ingen bygning med id eller BBR-id 'no-such-building'");
    }

    [Fact]
    public async Task An_unknown_route_and_a_wrong_method_are_answered_in_danish()
    {
        var (route, missing) = await Send(HttpMethod.Get, "/api/no-such-thing", "da");
        AssertProblem(route, missing, HttpStatusCode.NotFound, "da", "Ikke fundet", "path", "der findes ingen ressource på '/api/no-such-thing'");

        var (english, notThere) = await Send(HttpMethod.Get, "/api/no-such-thing");
        AssertProblem(english, notThere, HttpStatusCode.NotFound, "en", "Not found", "path", "no resource at '/api/no-such-thing'");

        var (method, wrong) = await Send(HttpMethod.Delete, "/api/assess/site?lat=55.68&lon=12.57", "da");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("da", method.Content.Headers.ContentLanguage.Single());
        Assert.Equal("Metoden er ikke tilladt", wrong.GetProperty("title").GetString());
        Assert.StartsWith("'DELETE' er ikke tilladt her", wrong.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_parameter_given_twice_and_an_unknown_lang_are_refused_in_danish()
    {
        var (twice, problem) = await Send(HttpMethod.Get, "/api/assess/site?lat=55.68&lat=55.69&lon=12.57&lang=da");
        AssertProblem(twice, problem, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "lat", "angivet 2 gange; angiv den kun én gang");

        var (language, unknown) = await Send(HttpMethod.Get, "/api/assess/site?lat=55.68&lon=12.57&lang=xx", "da");
        AssertProblem(language, unknown, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "lang", "'xx' er ikke et sprog, VeSiting taler; brug da eller en");
    }

    [Fact]
    public async Task A_value_the_framework_cannot_bind_is_refused_in_danish()
    {
        // flickerYear is bound by the framework, not by the query rules: its refusal words the binding failure.
        var (response, problem) = await Send(HttpMethod.Get, "/api/assess/site?lat=55.68&lon=12.57&flickerYear=abc&lang=da");
        AssertProblem(response, problem, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "flickerYear",
            "'abc' er ikke en værdi af den forventede slags");

        var (english, same) = await Send(HttpMethod.Get, "/api/assess/site?lat=55.68&lon=12.57&flickerYear=abc");
        AssertProblem(english, same, HttpStatusCode.BadRequest, "en", "Invalid request", "flickerYear",
            "'abc' is not a value of the expected kind");
    }

    [Fact]
    public async Task A_tile_outside_the_zoom_level_is_refused_in_danish()
    {
        var (response, problem) = await Send(HttpMethod.Get, "/tiles/plants/3/9/1.mvt?lang=da");
        AssertProblem(response, problem, HttpStatusCode.BadRequest, "da", "Ugyldig forespørgsel", "x", "9 ligger uden for 0–7 ved zoom 3");
    }
}
