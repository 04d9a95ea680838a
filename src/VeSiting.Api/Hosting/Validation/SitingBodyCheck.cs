namespace VeSiting.Api.Hosting.Validation;

/// <summary>The body of POST /api/sites: its members of the right kinds, the cell size, separation and tolerance in range, candidates and layers valid GeoJSON.</summary>
public static class SitingBodyCheck
{
    /// <summary>The members the body may have; anything else is refused rather than silently ignored.</summary>
    public static readonly string[] Members = ["profile", "profileId", "area", "cell", "candidates", "layers", "regional"];

    public static void Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ProblemException("body", "expected a JSON object");
        foreach (var member in root.EnumerateObject())
        {
            if (!Members.Contains(member.Name, StringComparer.Ordinal))
                throw new ProblemException(Problems.ProblemText.Echo(member.Name).Trim('\''), $"not a member of a siting request; the members are {string.Join(", ", Members)}");
        }
        if (root.TryGetProperty("profile", out _) && root.TryGetProperty("profileId", out _))
            throw new ProblemException("profileId", "give either a profile or a profileId, not both");
        foreach (var name in new[] { "area", "profileId" })
            if (root.TryGetProperty(name, out var text) && text.ValueKind != JsonValueKind.String)
                throw new ProblemException(name, $"{Problems.ProblemText.Echo(text.GetRawText())} is not text");
        if (root.TryGetProperty("cell", out var cell))
        {
            if (cell.ValueKind != JsonValueKind.Number)
                throw new ProblemException("cell", $"{Problems.ProblemText.Echo(cell.GetRawText())} is not a number of metres");
            if (ValueText.Number(cell.GetRawText(), InputLimits.MinCellM, InputLimits.MaxCellM, SitingGridQuestion.CellWhat) is { } reason)
                throw new ProblemException("cell", reason);
        }
        foreach (var (name, max, what) in new[] { ("separation", Core.Suitability.Places.DistinctSiteRule.MaxSeparationM, SitingGridQuestion.SeparationWhat),
            ("tolerance", Core.Suitability.Places.DistinctSiteRule.MaxTolerance, SitingGridQuestion.ToleranceWhat) })
        {
            if (!root.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind != JsonValueKind.Number)
                throw new ProblemException(name, $"{Problems.ProblemText.Echo(value.GetRawText())} is not {what}");
            if (ValueText.Number(value.GetRawText(), 0, max, what) is { } reason)
                throw new ProblemException(name, reason);
        }
        if (root.TryGetProperty("profile", out var profile) && profile.ValueKind != JsonValueKind.Object)
            throw new ProblemException("profile", "expected a siting profile object");
        if (root.TryGetProperty("candidates", out var candidates))
            Geometries(candidates, "candidates");
        if (root.TryGetProperty("layers", out var layers))
        {
            if (layers.ValueKind != JsonValueKind.Object)
                throw new ProblemException("layers", "expected an object of named FeatureCollections");
            foreach (var layer in layers.EnumerateObject())
                Geometries(layer.Value, $"layers.{layer.Name}");
        }
        if (root.TryGetProperty("regional", out var regional))
        {
            if (regional.ValueKind != JsonValueKind.Object)
                throw new ProblemException("regional", "expected an object of figures by region code");
            foreach (var figure in regional.EnumerateObject())
                if (figure.Value.ValueKind != JsonValueKind.Object)
                    throw new ProblemException($"regional.{figure.Name}", "expected an object of figures by region code");
        }
    }

    private static void Geometries(JsonElement collection, string field)
    {
        if (GeoJsonCheck.Geometries(collection, field) is { } broken)
            throw Problems.RefusalProblems.Exception(broken);
    }
}
