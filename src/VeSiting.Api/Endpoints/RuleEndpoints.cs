using VeSiting.Api.Hosting.Security;
using VeSiting.Data.Rules;

namespace VeSiting.Api.Endpoints;

/// <summary>The rules in force, and publishing new ones (API key required).</summary>
public static class RuleEndpoints
{
    public static void MapRules(this WebApplication app)
    {
        var group = app.MapGroup("/api/rules").WithTags("Rules");
        group.MapGet("/", List).AnswersJson().WithSummary("Rule sets by scheme and permit period, price stacks, tariff scenarios and consumption profiles in force");
        group.MapPost("/", Publish).AnswersJson(StatusCodes.Status201Created).RequireApiKey().Accepts<System.Text.Json.JsonElement>("application/json")
            .WithSummary("Publish a rule set, price stack, tariff scenario or consumption profile (API key required)")
            .WithDescription("Body: one file in the format of geodata/rules or geodata/tariffs, checked against its JSON Schema and against the rules in force. A published rule set wins over the built-in ones where their permit periods overlap. Published files cannot be overwritten: publish a change under a new `version`. 400 names the JSON path; 409 if that version is already published.");
    }

    private static IResult List(ServiceData data)
    {
        var rules = data.Rules;
        return Results.Ok(new
        {
            ruleSets = rules.Rules.All.OrderBy(r => r.Scheme, StringComparer.Ordinal).ThenBy(r => r.Period.From).ThenBy(r => r.Priority)
                .Select(r => new { r.Id, r.Version, r.Scheme, r.Title, from = r.Period.From, to = r.Period.To, r.Priority, file = Path.GetFileName(r.File), r.Sha256 }),
            priceStacks = rules.PriceStacks.Values.OrderBy(p => p.Year).Select(p => new { p.Id, p.Version, p.Year, p.Title, p.Sha256 }),
            scenarios = rules.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new { s.Id, s.Title }),
            profiles = rules.Profiles.Keys.Order(StringComparer.Ordinal),
        });
    }

    private static async Task<IResult> Publish(HttpContext http, ServiceData data, IOptions<VeSitingOptions> options, CancellationToken cancellationToken)
    {
        JsonBody.CheckDeclaredSize(http.Request, options.Value);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        try
        {
            var fileName = await data.PublishRulesAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            return Results.Created("/api/rules", new { published = fileName });
        }
        catch (RuleFileException e)
        {
            return ProblemHandling.Field(e.JsonPath, e.Reason);
        }
        catch (RulePublishConflictException e)
        {
            return ProblemHandling.Problem(StatusCodes.Status409Conflict, "Conflict", "version", e.Message);
        }
    }
}
