using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Core.Questions;

/// <summary>
/// "What would these tariff scenarios cost, and who gains and who pays?": the scenarios (each front end resolves its
/// own way of naming them), the area (<c>denmark</c>, the default, <c>region:CODE</c> or <c>municipality:CODE</c>) and
/// whether the synthetic national dwelling set is counted. The service's <c>/api/scenarios/{id}/impact</c> and the
/// command line's <c>scenario impact</c> both ask it; refusals name <c>area</c>: malformed (invalid) or naming no
/// region or municipality (not found).
/// </summary>
public sealed record ImpactQuestion(IReadOnlyList<TariffScenario> Scenarios, string Area, bool Synthetic)
{
    public const string Field = "area";
    public const string DefaultArea = "denmark";

    private static readonly string[] Kinds = ["municipality", "kommune", "region"];

    public static Outcome<ImpactQuestion> Parse(IReadOnlyList<TariffScenario> scenarios, string? area, bool synthetic)
    {
        var text = (area ?? DefaultArea).Trim().ToLowerInvariant();
        if (text is not ("denmark" or "dk" or "danmark"))
        {
            var parts = text.Split(':', 2);
            if (parts.Length < 2 || parts[1].Trim().Length == 0 || !Kinds.Contains(parts[0]))
                return Refusal.Invalid(Field, Reason.Of("area.not-area-region-first", ("value", ValueText.Echo(area))));
        }
        return new ImpactQuestion(scenarios, area ?? DefaultArea, synthetic);
    }

    /// <summary>Each scenario's impact in the area, in the order asked; an area naming no region or municipality is "not found".</summary>
    public async Task<Outcome<IReadOnlyList<ProposalImpact>>> RunAsync(ProposalImpactService service, CancellationToken cancellationToken = default)
    {
        var impacts = new List<ProposalImpact>();
        try
        {
            foreach (var scenario in Scenarios)
                impacts.Add(await service.RunAsync(scenario, Area, Synthetic, null, cancellationToken));
        }
        catch (KeyNotFoundException e)
        {
            // The service says which region or municipality it did not find.
            return e is Tariffs.Impact.AreaNotFoundException area ? Refusal.NotFound(Field, area.Because) : Refusal.NotFound(Field, e.Message);
        }
        return impacts;
    }
}
