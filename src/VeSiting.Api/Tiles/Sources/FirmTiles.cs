using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// The user's firms layer (<c>vesiting data add firms</c>) under a tariff scenario: each firm where it takes its power, sized
/// by its annual kWh, coloured by its zone (a proposal), with what it saves a year before VAT (an estimate) — the firms the
/// proposal's impact counts, zoned the same way. Empty where no firms layer is loaded.
/// </summary>
public sealed class FirmTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("firms", "Your firms by zone (proposal)",
        "The firms of your firms layer (vesiting data add firms) under a tariff scenario (?scenario=): sized by annual kWh, coloured by tariff zone, with what each saves a year before VAT. Zones a proposal, savings an estimate (attributes annual_kwh, zone, discount_ore_per_kwh, discount_dkk_per_year).",
        6, 20, TileLayer.Points, ["scenario"], "zone",
        [VectorLayerSchema.Of("firms", ("id", TileFieldType.String), ("name", TileFieldType.String), ("cvr", TileFieldType.String), ("annual_kwh", TileFieldType.Number),
            ("zone", TileFieldType.String), ("zone_label", TileFieldType.String), ("discount_ore_per_kwh", TileFieldType.Number), ("discount_dkk_per_year", TileFieldType.Number),
            ("scenario", TileFieldType.String), ("status", TileFieldType.String))],
        [new("A", "#54278f", "Firm in zone A (proposal)"), new("B", "#8c6bb1", "Firm in zone B (proposal)"), new("C", "#bfa5d8", "Firm in zone C (proposal)"), new("none", "#4d4d4d", "Firm in no zone")])
    {
        // Area grows with consumption: 100,000 kWh ≈ 5.5 px, 1 GWh ≈ 11 px (a display scale, not rules).
        Style = new TileStyle(PointRadius: 4, SizeBy: new PointSize("annual_kwh", 3, 0.008, 3, 14)),
    };

    public string Edition(ServiceData data) => data.Context().Prices.Ref.ToString();

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var scenario = request.Scenario;
        var firms = await new ProposalImpactService(data.Store, data.Context().Prices, data.Rules.Profile("household"), data.Impacts).FirmZonesAsync(scenario);
        var box = request.Utm32Area.EnvelopeInternal;
        return [.. firms.Where(f => box.Contains(f.Firm.Position.Coordinate)).Take(request.MaxFeatures).Select(f => new TileFeature("firms", f.Firm.Position, TileAttributes.Of(
            ("id", f.Firm.Id), ("name", f.Firm.Name), ("cvr", f.Firm.Cvr), ("annual_kwh", f.Firm.AnnualKwh),
            ("zone", f.ZoneId ?? "none"), ("zone_label", f.ZoneLabel), ("discount_ore_per_kwh", Math.Round(f.DiscountOrePerKwh, 4)),
            ("discount_dkk_per_year", Math.Round(f.DiscountDkkPerYear, 2)), ("scenario", scenario.Id), ("status", "proposal (zone) / estimate (DKK, before VAT)"))))];
    }
}
