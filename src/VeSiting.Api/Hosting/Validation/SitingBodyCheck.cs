namespace VeSiting.Api.Hosting.Validation;

/// <summary>The body of POST /api/sites: its members of the right kinds, the cell size, separation and tolerance in range, candidates and layers valid GeoJSON.</summary>
public static class SitingBodyCheck
{
    /// <summary>The members the body may have; anything else is refused rather than silently ignored.</summary>
    public static readonly string[] Members = ["profile", "profileId", "area", "cell", "candidates", "layers", "regional"];

    public static void Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw RefusalProblems.Invalid("body", Reason.Of("body.expected-object"));
        foreach (var member in root.EnumerateObject())
        {
            if (!Members.Contains(member.Name, StringComparer.Ordinal))
                throw RefusalProblems.Invalid(Problems.ProblemText.Echo(member.Name).Trim('\''), Reason.Of("siting.not-member", ("members", string.Join(", ", Members))));
        }
        if (root.TryGetProperty("profile", out _) && root.TryGetProperty("profileId", out _))
            throw RefusalProblems.Invalid("profileId", Reason.Of("siting.profile-or-id"));
        foreach (var name in new[] { "area", "profileId" })
            if (root.TryGetProperty(name, out var text) && text.ValueKind != JsonValueKind.String)
                throw RefusalProblems.Invalid(name, Reason.Of("body.not-text", ("value", Problems.ProblemText.Echo(text.GetRawText()))));
        if (root.TryGetProperty("cell", out var cell))
        {
            if (cell.ValueKind != JsonValueKind.Number)
                throw RefusalProblems.Invalid("cell", Reason.Of("body.not-metres", ("value", Problems.ProblemText.Echo(cell.GetRawText()))));
            if (ValueText.Number(cell.GetRawText(), InputLimits.MinCellM, InputLimits.MaxCellM, SitingGridQuestion.CellWhat) is { } reason)
                throw RefusalProblems.Invalid("cell", reason);
        }
        foreach (var (name, max, what) in new[] { ("separation", Core.Suitability.Places.DistinctSiteRule.MaxSeparationM, SitingGridQuestion.SeparationWhat),
            ("tolerance", Core.Suitability.Places.DistinctSiteRule.MaxTolerance, SitingGridQuestion.ToleranceWhat) })
        {
            if (!root.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind != JsonValueKind.Number)
                throw RefusalProblems.Invalid(name, Reason.Of("body.not-what", ("value", Problems.ProblemText.Echo(value.GetRawText())), ("what", what)));
            if (ValueText.Number(value.GetRawText(), 0, max, what) is { } reason)
                throw RefusalProblems.Invalid(name, reason);
        }
        if (root.TryGetProperty("profile", out var profile) && profile.ValueKind != JsonValueKind.Object)
            throw RefusalProblems.Invalid("profile", Reason.Of("siting.expected-profile"));
        if (root.TryGetProperty("candidates", out var candidates))
            Geometries(candidates, "candidates");
        if (root.TryGetProperty("layers", out var layers))
        {
            if (layers.ValueKind != JsonValueKind.Object)
                throw RefusalProblems.Invalid("layers", Reason.Of("siting.expected-layers"));
            foreach (var layer in layers.EnumerateObject())
                Geometries(layer.Value, $"layers.{layer.Name}");
        }
        if (root.TryGetProperty("regional", out var regional))
        {
            if (regional.ValueKind != JsonValueKind.Object)
                throw RefusalProblems.Invalid("regional", Reason.Of("siting.expected-regional"));
            foreach (var figure in regional.EnumerateObject())
                if (figure.Value.ValueKind != JsonValueKind.Object)
                    throw RefusalProblems.Invalid($"regional.{figure.Name}", Reason.Of("siting.expected-regional"));
        }
    }

    private static void Geometries(JsonElement collection, string field)
    {
        if (GeoJsonCheck.Geometries(collection, field) is { } broken)
            throw Problems.RefusalProblems.Exception(broken);
    }
}
