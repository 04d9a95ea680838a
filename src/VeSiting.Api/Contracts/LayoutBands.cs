using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Tiles.Sources;
using VeSiting.Core.Noise;

namespace VeSiting.Api.Contracts;

/// <summary>
/// A layout's noise bands, flicker bands and the dwellings within them as one GeoJSON FeatureCollection (WGS 84) with a few
/// foreign members (cell sizes, rule sets, statuses, limits). The grids are bounded: noise at 10 m cells, flicker at 50 m, each
/// coarsened (doubled) until it has at most its cap of cells; the answer says which cell sizes were used.
/// </summary>
public static class LayoutBands
{
    public const double NoiseCellM = 10, FlickerCellM = 50;
    // Each flicker point is a year of minutes (a few ms per turbine within reach): the flicker grid stays small so dragging stays live.
    public const long MaxNoiseCells = 4_000_000, MaxFlickerCells = 900;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static JsonObject Compute(ProjectNoise? noise, ShadowFlickerPart flicker, ShadowFlickerCalculator calculator, CancellationToken cancellationToken = default)
    {
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var features = new FeatureCollection();
        var answer = new JsonObject();
        if (noise is not null)
        {
            var project = noise.ProjectTurbines.Where(t => t.Included).Select(t => t.Source!).ToList();
            var all = project.Concat(noise.ExistingTurbines.Where(t => t.Included).Select(t => t.Source!)).ToList();
            var reach = NoiseBandMap.Reach(all, noise.Rules).Take(project.Count).DefaultIfEmpty(0).Max();
            var focus = new Envelope(project.Min(s => s.X) - reach, project.Max(s => s.X) + reach, project.Min(s => s.Y) - reach, project.Max(s => s.Y) + reach);
            var map = NoiseBandMap.Compute(all, noise.Rules, focus, NoiseCellM, MaxNoiseCells, factory, cancellationToken: cancellationToken);
            foreach (var band in map?.Bands ?? [])
            {
                if (band.Area.IsEmpty)
                    continue;
                features.Add(new Feature(Wgs84(band.Area), new AttributesTable
                {
                    { "kind", "noise-band" }, { "band", band.Band.Id }, { "wind_speed_ms", band.Band.WindSpeed }, { "limit_dba", band.Band.Limit },
                    { "area", band.Band.Area == NoiseAreaKind.OpenCountry ? "open-country" : "noise-sensitive" }, { "label", NoiseTiles.Label(band.Band) },
                }));
            }
            answer["cellM"] = map?.Frame.Cell;
            answer["noise"] = new JsonObject
            {
                ["status"] = ProvenanceDto.Status(noise.Estimated ? Core.Rules.AnswerStatus.Estimate : Core.Rules.AnswerStatus.Law),
                ["ruleSet"] = noise.Rules.Ref?.ToString(),
                ["limits"] = new JsonArray([.. NoiseLimitBand.Of(noise.Rules).Select(b => (JsonNode)new JsonObject
                {
                    ["band"] = b.Id, ["windSpeed"] = b.WindSpeed, ["limit"] = b.Limit, ["label"] = NoiseTiles.Label(b),
                })]),
                ["dwellings"] = noise.Summary.Dwellings,
                ["over8"] = noise.Summary.Over8,
                ["over6"] = noise.Summary.Over6,
            };
        }
        var turbines = flicker.Turbines;
        var flickerMap = FlickerBandMap.Compute(calculator, turbines, flicker.Year, new Envelope(-1e9, 1e9, -1e9, 1e9), FlickerCellM, MaxFlickerCells, factory, cancellationToken: cancellationToken);
        foreach (var band in flickerMap?.Bands ?? [])
        {
            if (band.Area.IsEmpty)
                continue;
            features.Add(new Feature(Wgs84(band.Area), new AttributesTable
            {
                { "kind", "flicker-band" }, { "band", band.Band }, { "limit_h", flicker.LimitHours },
                { "label", (band.Band == FlickerBandMap.OverLimit ? Reason.Of("flicker.band-over", ("limit", flicker.LimitHours)) : Reason.Of("flicker.band-some")).Rendered },
            }));
        }
        answer["flickerCellM"] = flickerMap?.Frame.Cell;
        answer["shadowFlicker"] = new JsonObject
        {
            ["year"] = flicker.Year,
            ["limitHours"] = flicker.LimitHours,
            ["limitStatus"] = "guidance",
            ["hoursStatus"] = "estimate",
            ["dwellings"] = flicker.Dwellings.Count,
            ["overLimit"] = flicker.DwellingsOverLimit,
        };
        foreach (var dwelling in Dwellings(noise, flicker))
            features.Add(dwelling);
        var node = JsonSerializer.SerializeToNode(features, GeoJson)!.AsObject();
        foreach (var (key, value) in answer.ToList())
        {
            answer.Remove(key);
            node[key] = value;
        }
        return node;
    }

    /// <summary>Every dwelling the layout's noise or flicker reaches, once, with both.</summary>
    private static IEnumerable<IFeature> Dwellings(ProjectNoise? noise, ShadowFlickerPart flicker)
    {
        var noiseRows = (noise?.Dwellings ?? []).ToDictionary(r => r.Address.Id, StringComparer.Ordinal);
        var flickerRows = flicker.Dwellings.ToDictionary(d => d.Home.Id, StringComparer.Ordinal);
        foreach (var id in noiseRows.Keys.Union(flickerRows.Keys).Order(StringComparer.Ordinal))
        {
            var n = noiseRows.GetValueOrDefault(id);
            var f = flickerRows.GetValueOrDefault(id);
            var position = n?.Address.Position ?? f!.Home.Position;
            var attributes = new AttributesTable { { "kind", "dwelling" }, { "address_id", id }, { "label", n?.Address.Label ?? f!.Home.Label } };
            foreach (var (key, value) in NoiseColumns.Properties(n))
                attributes.Add(key, value);
            attributes.Add("flicker_worst_case_h", f is null ? 0 : Math.Round(f.Flicker.WorstCaseHours, 1));
            attributes.Add("flicker_expected_h", f is null ? 0 : Math.Round(f.Flicker.ExpectedHours, 1));
            attributes.Add("flicker_over_limit", f?.OverLimit == true);
            yield return new Feature(GeometryTransforms.Transform(position, Epsg.Utm32, Epsg.Wgs84), attributes);
        }
    }

    private static Geometry Wgs84(Geometry utm32) => GeometryTransforms.Transform(utm32, Epsg.Utm32, Epsg.Wgs84);
}
