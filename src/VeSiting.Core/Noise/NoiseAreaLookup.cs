using NetTopologySuite.Geometries.Prepared;

namespace VeSiting.Core.Noise;

/// <summary>
/// The noise-sensitive areas around a set of dwellings, read once from the store: the area each dwelling lies in, and the reason
/// that says how dwellings were judged (by the user's layer, or all as open country because no layer is loaded).
/// </summary>
public sealed class NoiseAreaLookup
{
    private readonly List<(NoiseAreaPolygon Polygon, IPreparedGeometry Prepared)> _areas;

    private NoiseAreaLookup(IReadOnlyList<NoiseAreaPolygon>? areas)
    {
        Loaded = areas is not null;
        _areas = [.. (areas ?? []).Select(a => (a, PreparedGeometryFactory.Prepare(a.Geometry)))];
    }

    /// <summary>Whether a noise-sensitive areas layer is loaded at all.</summary>
    public bool Loaded { get; }

    public static async Task<NoiseAreaLookup> LoadAsync(ISpatialStore store, Geometry around, CancellationToken cancellationToken) =>
        new(await store.NoiseAreasMeetingAsync(around, cancellationToken));

    /// <summary>The area the point lies in (boundary included): the layer's, or open country by default when no layer is loaded.</summary>
    public NoiseArea At(Point position) => Loaded
        ? NoiseAreaCategory.AreaOf(_areas.Where(a => a.Prepared.Covers(position)).Select(a => a.Polygon))
        : NoiseArea.DefaultOpenCountry;

    /// <summary>How the dwellings of this answer were judged.</summary>
    public Reason Why(NoiseRules rules) => Loaded
        ? Reason.Of("noise.area-layer", ("limit8", rules.LimitNoiseSensitive8), ("limit6", rules.LimitNoiseSensitive6),
            ("openLimit8", rules.LimitOpenCountry8), ("openLimit6", rules.LimitOpenCountry6))
        : Reason.Of("noise.area-open-country-default");
}
