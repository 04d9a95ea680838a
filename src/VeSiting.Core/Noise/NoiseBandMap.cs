namespace VeSiting.Core.Noise;

/// <summary>One outdoor limit of the noise order as a band on a map: where the level at its wind speed is over it.</summary>
public sealed record NoiseLimitBand(string Id, int WindSpeed, double Limit, NoiseAreaKind Area)
{
    /// <summary>The order's four outdoor limits (open country and noise-sensitive land use, 8 and 6 m/s), from the rules in force.</summary>
    public static IReadOnlyList<NoiseLimitBand> Of(NoiseRules rules) =>
    [
        new("open-country-8", 8, rules.LimitOpenCountry8, NoiseAreaKind.OpenCountry),
        new("open-country-6", 6, rules.LimitOpenCountry6, NoiseAreaKind.OpenCountry),
        new("noise-sensitive-8", 8, rules.LimitNoiseSensitive8, NoiseAreaKind.NoiseSensitive),
        new("noise-sensitive-6", 6, rules.LimitNoiseSensitive6, NoiseAreaKind.NoiseSensitive),
    ];

    /// <summary>Over the limit as a dwelling is judged: the level rounded to one decimal above the limit (<see cref="DwellingNoise"/>).</summary>
    public bool IsOver(float level) => float.IsFinite(level) && Math.Round(level, 1, MidpointRounding.AwayFromZero) > Limit;
}

/// <summary>A band's outline (EPSG:25832): the cells whose level is over the band's limit.</summary>
public sealed record NoiseBandOutline(NoiseLimitBand Band, Geometry Area);

/// <summary>The bands of a map: the grid they were found on and each limit's outline.</summary>
public sealed record NoiseBandMapResult(GridFrame Frame, IReadOnlyList<NoiseBandOutline> Bands);

/// <summary>
/// Where the total noise from a set of turbines is over each outdoor limit, as polygons of grid cells. Where no band can be is
/// derived from the method, not typed: where the total of N turbines reaches a level L, at least one of them alone gives
/// L − 10·lg N, so every band lies within the discs around each turbine out to where it alone falls to the lowest limit less
/// 10·lg N; only the grid over those discs (within the area asked about) is computed.
/// </summary>
public static class NoiseBandMap
{
    /// <summary>
    /// The bands within <paramref name="focus"/> (EPSG:25832) at cells of <paramref name="cellM"/>, coarsened (doubled) until the grid
    /// has at most <paramref name="maxCells"/> cells. Null when no band can reach the focus.
    /// </summary>
    public static NoiseBandMapResult? Compute(IReadOnlyList<NoiseSource> sources, NoiseRules rules, Envelope focus, double cellM, long maxCells,
        GeometryFactory factory, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var reach = Reach(sources, rules);
        var box = new Envelope();
        for (var i = 0; i < sources.Count; i++)
        {
            if (reach[i] > 0)
                box.ExpandToInclude(new Envelope(sources[i].X - reach[i], sources[i].X + reach[i], sources[i].Y - reach[i], sources[i].Y + reach[i]));
        }
        if (GridFrame.Covering(box, focus, cellM, maxCells) is not { } frame)
            return null;
        var limits = NoiseLimitBand.Of(rules);
        var cells = NoiseBandCells.Classify(sources, frame, limits, maxDegreeOfParallelism, cancellationToken);
        var bands = limits
            .Select((b, i) => new NoiseBandOutline(b, GridOutline.Polygons(frame, c => (cells[c] & (1 << i)) != 0, factory)))
            .ToList();
        return new NoiseBandMapResult(frame, bands);
    }

    /// <summary>Per turbine, the horizontal distance out to which it alone gives the lowest limit less 10·lg N at 8 or 6 m/s.</summary>
    public static double[] Reach(IReadOnlyList<NoiseSource> sources, NoiseRules rules)
    {
        var share = sources.Count > 1 ? 10 * Math.Log10(sources.Count) : 0;
        return [.. sources.Select(s => Math.Max(s.DistanceTo8(rules.LowestLimit8 - share), s.DistanceTo6(rules.LowestLimit6 - share)))];
    }
}
