using System.Text.Json.Serialization;
using NetTopologySuite.Features;
using VeSiting.Data.Exports;

namespace VeSiting.Api.Contracts;

public sealed record ProjectPlantDto(string Id, string Kind, Position Position, double? HubHeightM, double? RotorDiameterM, double? TotalHeightM, double? CapacityKw,
    string Coverage, string CoverageWhy)
{
    public Reason? CoverageWhyReason { get; init; }
}

/// <summary>The project's money had its permit been dated in an earlier rule period (the register only bounds the permit date).</summary>
public sealed record OtherPeriodDto(string PermitDate, string Why, int SalesOptionHouseholds, int VeBonusHouseholds, double VeBonusPerHouseholdDkk, double VeBonusTotalDkk, double GreenPoolDkk)
{
    public Reason? WhyReason { get; init; }
}

public sealed record DwellingDto(string Id, string Address, Position Position, double DistanceM, double? MultipleOfH, string Ring, string NearestPlant,
    bool BelowMinimumDistance, bool SalesOption, bool VeBonus, double VeBonusDkkPerYear, double? LossOfValueFeeDkk);

public sealed record VeBonusDto(double KPerHouseholdKw, double EffectiveKPerHouseholdKw, double CapKw, bool CapApplied, int Households, double PerHouseholdDkk, double TotalDkk, string Why)
{
    public Reason? WhyReason { get; init; }
}

public sealed record GreenPoolDto(string Code, string Municipality, double Mw, double Dkk, string Why, string Status = "law")
{
    public Reason? WhyReason { get; init; }

    /// <summary><see cref="Municipality"/> as a reason (a name as data, or why there is none: at sea, plants not covered).</summary>
    public Reason? MunicipalityReason { get; init; }
}

/// <summary>Every dwelling a project affects, the money it pays, and the rings to draw.</summary>
public sealed record ProjectAnswer(
    string Name,
    string? Grouping,
    string Permit,
    IReadOnlyList<ProjectPlantDto> Plants,
    IReadOnlyList<object> Rings,
    double? SolarRadiusM,
    IReadOnlyList<DwellingDto> Dwellings,
    int Violations,
    int SalesOptionHouseholds,
    int VeBonusHouseholds,
    VeBonusDto? VeBonus,
    string VeBonusWhy,
    IReadOnlyList<GreenPoolDto> GreenPool,
    double GreenPoolDkk,
    int MeetingNoticeAddresses,
    int BuildingsWithinRings,
    IReadOnlyList<OtherPeriodDto> OtherPeriods,
    IReadOnlyList<AddressCoverageDto> AddressCoverage,
    string? HouseholdBasis,
    ProvenanceDto Provenance,
    IReadOnlyList<string> Attribution,
    string DataVersion)
{
    /// <summary>The rings, plants and dwellings as GeoJSON (<see cref="Features(ProjectAssessment)"/>), when asked for with <c>features=true</c>: the map draws one answer.</summary>
    [JsonPropertyName("features"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? FeaturesGeoJson { get; init; }

    /// <summary>Addresses within reach that are registered turbines' own, not homes: left out of <see cref="Dwellings"/> and every count.</summary>
    public IReadOnlyList<TurbineAddressDto> TurbineAddresses { get; init; } = [];

    /// <summary>The noise order at the neighbours (null when the project has no wind turbine the method covers).</summary>
    public NoiseAnswer? Noise { get; init; }

    /// <summary>Shadow flicker at every dwelling within the turbines' reach (its own part, computed by <c>ShadowFlickerAssessor</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ShadowFlickerAnswer? ShadowFlicker { get; init; }

    public static ProjectAnswer Of(ProjectAssessment a) => new(
        a.Project.Title?.Rendered ?? a.Project.Name,
        a.Project.Grouping?.Rendered,
        a.Permit.Why.Rendered,
        a.Coverage.Select(c => new ProjectPlantDto(c.Plant.Id, c.Plant.Kind.ToString(), Position.Of(c.Plant.Geometry), c.Plant.HubHeightM, c.Plant.RotorDiameterM,
            c.Plant.TotalHeightM, c.Plant.CapacityKw, c.Eligibility.Coverage.ToString(), c.Eligibility.Why.Rendered)
        { CoverageWhyReason = c.Eligibility.Why }).ToList(),
        a.Rings.Select(r => (object)new { k = r.K, radiusM = r.RadiusM }).ToList(),
        a.SolarRadiusM,
        a.Dwellings.Select(Dwelling).ToList(),
        a.Violations.Count(),
        a.SalesOptionHouseholds,
        a.VeBonusHouseholds,
        a.VeBonus is { } b ? new VeBonusDto(b.KPerHouseholdKw, b.Cap.EffectiveKw, b.Cap.CapKw, b.Cap.Applied, b.Cap.Households, Math.Round(b.PerHouseholdDkk, 2), Math.Round(b.TotalDkk, 2), b.Why.Rendered) { WhyReason = b.Why } : null,
        a.VeBonusWhy.Rendered,
        a.GreenPool.Select(g => new GreenPoolDto(g.Code, g.NameReason.Rendered, g.Mw, Math.Round(g.Dkk, 2), g.Why.Rendered) { WhyReason = g.Why, MunicipalityReason = g.NameReason }).ToList(),
        Math.Round(a.GreenPoolDkk, 2),
        a.MeetingNoticeAddresses,
        a.BuildingsWithinRings,
        a.OtherPeriods.Select(o => new OtherPeriodDto(o.PermitDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.Why.Rendered, o.SalesOptionHouseholds,
            o.VeBonusHouseholds, Math.Round(o.VeBonusPerHouseholdDkk, 2), Math.Round(o.VeBonusTotalDkk, 2), Math.Round(o.GreenPoolDkk, 2))
        { WhyReason = o.Why }).ToList(),
        a.AddressCoverage.Select(AddressCoverageDto.Of).ToList(),
        a.HouseholdBasis?.Because.Rendered,
        ProvenanceDto.Of(a.Provenance),
        a.Attributions,
        a.DataVersion)
    {
        TurbineAddresses = TurbineAddressDto.Of(a.TurbineAddresses),
        Noise = NoiseAnswer.Of(a.Noise),
        PermitReason = a.Permit.Why,
        GroupingReason = a.Project.Grouping,
        VeBonusWhyReason = a.VeBonusWhy,
        MeetingNoticeWhy = a.MeetingNoticeWhy.Rendered,
        MeetingNoticeWhyReason = a.MeetingNoticeWhy,
        HouseholdBasisReason = a.HouseholdBasis?.Because,
    };

    public Reason? HouseholdBasisReason { get; init; }

    /// <summary><see cref="Permit"/>, <see cref="Grouping"/> and <see cref="VeBonusWhy"/> as codes and values.</summary>
    public Reason? PermitReason { get; init; }

    public Reason? GroupingReason { get; init; }

    public Reason? VeBonusWhyReason { get; init; }

    /// <summary>Who is told of the public meeting, and why, in the answer's language and as data.</summary>
    public string? MeetingNoticeWhy { get; init; }

    public Reason? MeetingNoticeWhyReason { get; init; }

    private static DwellingDto Dwelling(DwellingImpact d) => new(
        d.Address.Id, d.Address.Label, Position.Of(d.Address.Position), Math.Round(d.DistanceM, 2), d.MultipleOfH is { } k ? Math.Round(k, 2) : null, d.Ring.Rendered,
        d.NearestPlant.Id, d.Violation,
        d.Findings.Any(f => f is { Scheme: Schemes.SalesOption, Applies: true }),
        d.Findings.Any(f => f is { Scheme: Schemes.VeBonus, Applies: true }),
        Math.Round(d.VeBonusDkkPerYear, 2),
        d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk);

    /// <summary>The rings as polygons (buffers in EPSG:25832, then WGS 84) and the plants and dwellings as points: for the map and for QGIS.</summary>
    public static FeatureCollection Features(ProjectAssessment a)
    {
        var collection = new FeatureCollection();
        foreach (var plant in a.Project.Plants)
        {
            if (plant.Kind == PlantKind.SolarPark && a.SolarRadiusM is { } solar)
            {
                collection.Add(Feature(plant.Geometry.Buffer(solar, 16), ("kind", "ring"), ("plant", plant.Id), ("label", $"{solar:0.##} m"), ("radius_m", solar), ("scheme", "solar")));
            }
            collection.Add(Feature(plant.Geometry, ("kind", "plant"), ("plant", plant.Id), ("label", plant.Id), ("radius_m", null)));
        }
        // One outline per ring for the whole project: the union of its turbines' circles (distances are to the nearest member).
        var turbines = a.Project.Plants.Where(p => p.Kind != PlantKind.SolarPark && p.TotalHeightM is not null).ToList();
        if (turbines.Count > 0)
        {
            foreach (var (k, _) in a.Rings.OrderByDescending(r => r.K))
            {
                var circles = turbines.Select(p => p.Geometry.Buffer(k * p.TotalHeightM!.Value, 32)).ToList();
                var ring = circles.Count == 1 ? circles[0] : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(circles);
                collection.Add(Feature(ring, ("kind", "ring"), ("plant", string.Join(",", turbines.Select(p => p.Id))), ("label", $"{k:0.##} × H"),
                    ("radius_m", Math.Round(turbines.Max(p => k * p.TotalHeightM!.Value), 1)), ("scheme", SchemeOfRing(a, k))));
            }
        }
        var noise = (a.Noise?.Dwellings ?? []).ToDictionary(n => n.Address.Id, StringComparer.Ordinal);
        foreach (var d in a.Dwellings)
            collection.Add(Feature(d.Address.Position, [("kind", "dwelling"), ("plant", d.NearestPlant.Id), ("label", d.Address.Label), ("radius_m", null),
                ("distance_m", Math.Round(d.DistanceM, 2)), ("ring", d.Ring.Rendered), ("below_minimum_distance", d.Violation), ("ve_bonus_dkk", Math.Round(d.VeBonusDkkPerYear, 2)),
                .. NoiseColumns.Properties(noise.GetValueOrDefault(d.Address.Id))]));
        var inRings = a.Dwellings.Select(d => d.Address.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var n in noise.Values.Where(n => !inRings.Contains(n.Address.Id)))
            collection.Add(Feature(n.Address.Position, [("kind", "noise-dwelling"), ("label", n.Address.Label), ("radius_m", null), .. NoiseColumns.Properties(n)]));
        return collection;
    }

    /// <summary>The affected dwellings and the scheme rings as a GeoPackage (EPSG:25832) for QGIS.</summary>
    public static byte[] GeoPackage(ProjectAssessment a, params GeoPackageLayer[] more)
    {
        var dwellings = new GeoPackageLayer("affected_dwellings", Reason.Of("export.dwellings", ("project", a.Project.Name), ("permit", a.Permit.Why), ("version", a.DataVersion), ("attribution", string.Join("; ", a.Attributions))).Rendered, "POINT",
            [("address_id", "TEXT"), ("address", "TEXT"), ("distance_m", "REAL"), ("multiple_of_h", "REAL"), ("ring", "TEXT"), ("nearest_plant", "TEXT"),
             ("below_minimum_distance", "INTEGER"), ("sales_option", "INTEGER"), ("ve_bonus_dkk_per_year", "REAL"), ("loss_of_value_fee_dkk", "REAL")],
            a.Dwellings.Select(d => ((Geometry)d.Address.Position, new object?[]
            {
                d.Address.Id, d.Address.Label, Math.Round(d.DistanceM, 2), d.MultipleOfH is { } k ? Math.Round(k, 3) : null, d.Ring.Rendered, d.NearestPlant.Id,
                d.Violation ? 1 : 0, d.Findings.Any(f => f is { Scheme: Schemes.SalesOption, Applies: true }) ? 1 : 0, Math.Round(d.VeBonusDkkPerYear, 2),
                d.Findings.FirstOrDefault(f => f.Scheme == Schemes.LossOfValue)?.AmountDkk,
            })).ToList());
        var solar = a.SolarRadiusM ?? 0;
        var rings = new GeoPackageLayer("scheme_rings", (solar > 0 ? Reason.Of("export.rings-solar", ("project", a.Project.Name), ("solar", solar)) : Reason.Of("export.rings", ("project", a.Project.Name))).Rendered, "POLYGON",
            [("plant", "TEXT"), ("ring", "TEXT"), ("radius_m", "REAL")],
            a.Project.Plants.SelectMany(p => p.Kind == PlantKind.SolarPark
                ? solar > 0 ? [(p.Geometry.Buffer(solar, 16), new object?[] { p.Id, $"{solar:0.##} m", solar })] : []
                : p.TotalHeightM is { } h ? a.Rings.Select(r => (p.Geometry.Buffer(r.K * h, 32), new object?[] { p.Id, $"{r.K:0.##} × H", Math.Round(r.K * h, 1) })) : []).ToList());
        return GeoPackageWriter.Write([dwellings, rings, .. (a.Noise is { } noise ? new[] { NoiseColumns.Layer(a, noise) } : []), .. more]);
    }

    /// <summary>The scheme whose limit a ring is (minimum-distance, sales-option, ve-bonus; loss-of-value for the fee limit): colours the map's rings.</summary>
    private static string SchemeOfRing(ProjectAssessment a, double k) =>
        a.Distances.WindBands.FirstOrDefault(b => b.Outer == k)?.Id ?? Schemes.LossOfValue;

    private static IFeature Feature(Geometry geometry, params (string Key, object? Value)[] properties)
    {
        var attributes = new AttributesTable();
        foreach (var (key, value) in properties)
            attributes.Add(key, value);
        return new Feature(GeometryTransforms.Transform(geometry, Epsg.Utm32, Epsg.Wgs84), attributes);
    }

}
