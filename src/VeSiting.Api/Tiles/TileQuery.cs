namespace VeSiting.Api.Tiles;

/// <summary>The query string a TileJSON passes on to its tile URLs (scenario; profile, area and cell of suitability tiles).</summary>
public static class TileQuery
{
    public static string Of(string? scenario, string? profile, string? area, double? cell)
    {
        var parts = new List<string>();
        if (scenario is not null) parts.Add($"scenario={Uri.EscapeDataString(scenario)}");
        if (profile is not null) parts.Add($"profile={Uri.EscapeDataString(profile)}");
        if (area is not null) parts.Add($"area={Uri.EscapeDataString(area)}");
        if (cell is { } c) parts.Add($"cell={c.ToString(CultureInfo.InvariantCulture)}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
