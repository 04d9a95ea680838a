using VeSiting.Core.Outcomes;

namespace VeSiting.Api.Endpoints;

/// <summary>The service's syntax for a location (<c>lat</c>+<c>lon</c>, <c>e</c>+<c>n</c>, <c>address</c>, <c>building</c>) mapped onto the one <see cref="LocationQuestion"/>.</summary>
internal static class SiteLocation
{
    public static LocationText Text(double? lat, double? lon, double? e, double? n, string? address, string? building) =>
        new(ValueText.Text(lat), ValueText.Text(lon), ValueText.Text(e), ValueText.Text(n), address, building);

    /// <summary>The location parsed and resolved through the store, or the refusal (invalid, or not found).</summary>
    public static async Task<Outcome<ResolvedLocation>> ResolveAsync(double? lat, double? lon, double? e, double? n, string? address, string? building,
        ISpatialStore store, CancellationToken cancellationToken, bool buildings = true)
    {
        if (!LocationQuestion.Parse(Text(lat, lon, e, n, address, building), buildings).TryGet(out var question, out var refusal))
            return refusal;
        return await question.ResolveAsync(store, cancellationToken);
    }
}
