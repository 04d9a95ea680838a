using NetTopologySuite.Simplify;
using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// The tariff proposal's net effect per household by municipality (a proposal; the money an estimate): what its zoned
/// households save less what its other households pay for revenue neutrality, over its households, DKK a year with VAT —
/// the <c>municipalities</c> of <c>/api/scenarios/{id}/impact?synthetic=true</c>. Counted over the synthetic national
/// dwelling set (the only one that covers every municipality), so every feature says <c>synthetic</c> and its basis.
/// </summary>
public sealed class ImpactTiles(ServiceData data) : ITileSource
{
    /// <summary>Display classes of the net DKK per household a year: lower bounds, the first class a value reaches (not rules: a colour scale).</summary>
    private static readonly (double From, string Value)[] Classes =
        [(500, "gain-500"), (100, "gain-100"), (0, "gain-0"), (-100, "pay-0"), (-500, "pay-100"), (double.NegativeInfinity, "pay-500")];

    public TileLayer Layer { get; } = new("tariff-impact", "Tariff proposal: net DKK per household (proposal, estimate, synthetic dwellings)",
        "Per municipality, the net DKK a year per household under a tariff scenario (?scenario=): the zoned households' savings less the uniform increase the others pay to keep revenue neutral. Zones and increase a proposal, money an estimate, counted over synthetic dwellings (attributes net_dkk_per_household, households, zoned, basis, synthetic).",
        5, 12, TileLayer.Polygons, ["scenario"], "class",
        [VectorLayerSchema.Of("tariff-impact", ("class", TileFieldType.String), ("code", TileFieldType.String), ("name", TileFieldType.String), ("net_dkk_per_household", TileFieldType.Number), ("households", TileFieldType.Integer), ("zoned", TileFieldType.Integer),
            ("scenario", TileFieldType.String), ("status", TileFieldType.String), ("synthetic", TileFieldType.Boolean), ("basis", TileFieldType.String))],
        [
            new("gain-500", "#1a9850", "gains ≥ 500 DKK a year"), new("gain-100", "#91cf60", "gains 100–500 DKK"), new("gain-0", "#d9ef8b", "gains 0–100 DKK"),
            new("pay-0", "#fee08b", "pays 0–100 DKK"), new("pay-100", "#fc8d59", "pays 100–500 DKK"), new("pay-500", "#d73027", "pays ≥ 500 DKK a year"),
        ]);

    public string Edition(ServiceData data) => data.Context().Prices.Ref.ToString();

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var store = data.Store;
        var scenario = request.Scenario;
        var prices = data.Context().Prices;
        // One national answer per scenario, price stack and data edition; every tile reads it.
        var impact = await data.Impacts.GetAsync(store.Version.Id, $"tiles|{scenario.Ref}|{scenario.Sha256}|{prices.Ref}",
            () => new ProposalImpactService(store, prices, data.Rules.Profile("household"), data.Impacts).RunAsync(scenario, "denmark", synthetic: true));
        var byCode = impact.Municipalities.ToDictionary(m => m.Code);
        var area = request.Utm32Area;
        var box = area.Factory.ToGeometry(area.EnvelopeInternal);
        var list = new List<TileFeature>();
        foreach (var m in await store.AreasMeetingAsync(AdminAreaKind.Municipality, area.EnvelopeInternal, cancellationToken))
        {
            if (m.NumericCode is not { } code || !byCode.TryGetValue(code, out var answer))
                continue;
            var shape = TopologyPreservingSimplifier.Simplify(m.Geometry.Intersection(box), request.Tile.MetresPerPixel);
            if (shape.IsEmpty)
                continue;
            list.Add(new("tariff-impact", shape, TileAttributes.Of(
                ("class", Classes.First(c => answer.NetDkkPerHousehold >= c.From).Value),
                ("code", code.ToString("0000", CultureInfo.InvariantCulture)), ("name", answer.Name),
                ("net_dkk_per_household", Math.Round(answer.NetDkkPerHousehold, 2)), ("households", answer.Households), ("zoned", answer.ZonedHouseholds),
                ("scenario", scenario.Id), ("status", "proposal (zones, increase) / estimate (DKK)"), ("synthetic", impact.Synthetic), ("basis", answer.HouseholdBasis))));
        }
        return list;
    }
}
