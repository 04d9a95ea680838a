using VeSiting.Core.DataCoverage;
using VeSiting.Core.Suitability;
using VeSiting.Core.Synthetic;

namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// A scenario's impact over an area ("denmark", "region:CODE", "municipality:CODE"): the country's households read through the
/// store (or the synthetic national dwelling set), the operating and planned plants, and the calculator. The households and
/// their zones are computed for the whole country once per scenario and data edition and kept in <paramref name="cache"/>;
/// an area is a filter over them. Firms: the store's firms layer (<see cref="ISpatialStore.ListFirmsAsync"/>), each in the
/// municipality that holds it, unless the caller gives its own. Reads only through <see cref="ISpatialStore"/>, so both stores
/// give the same answer.
/// </summary>
public sealed class ProposalImpactService(ISpatialStore store, PriceStack stack, ConsumptionProfile household, ProposalImpactCache? cache = null)
{
    private readonly ProposalImpactCache _cache = cache ?? new ProposalImpactCache();

    public async Task<ProposalImpact> RunAsync(TariffScenario scenario, string area, bool synthetic, IReadOnlyList<ImpactFirm>? firms = null, CancellationToken cancellationToken = default)
    {
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var (chosen, label) = await ChooseAsync(area, municipalities, cancellationToken);
        var codes = chosen.Select(m => m.NumericCode!.Value).ToHashSet();
        var version = store.Version.Id;
        // The cached work runs to the end even when this request goes: another may be waiting for it.
        var households = await _cache.GetAsync(version, $"households|{synthetic}",
            () => synthetic ? SyntheticAsync(municipalities, CancellationToken.None) : RealAsync(municipalities, CancellationToken.None));
        var zoned = await _cache.GetAsync(version, $"zones|{synthetic}|{scenario.Ref}|{scenario.Sha256}", async () =>
        {
            var zoner = await ZonerAsync(scenario);
            return new Zoned(zoner, zoner.ZoneAll(households.X, households.Y));
        });
        var located = firms is null ? await _cache.GetAsync(version, "firms", () => FirmsAsync(CancellationToken.None)) : new LocatedFirms(firms, 0);
        var names = chosen.ToDictionary(m => m.NumericCode!.Value, m => m.Name);
        var chosenHouseholds = households.WithBasis(codes.ToDictionary(c => c, c => households.BasisReasons.GetValueOrDefault(c) ?? (synthetic ? SyntheticStatement : HouseholdBasis.Of([]).Because)));
        var impact = new ProposalImpactCalculator(scenario, stack, household).Compute(label, zoned.Zoner, zoned.Zones, chosenHouseholds,
            located.Firms.Where(f => codes.Contains(f.Municipality)).ToList(), names, codes.Contains);
        return located.Unplaced == 0 ? impact
            : impact with { Notes = [.. impact.Notes, Explanations.Reason.Of("impact.firms-unplaced", ("firms", located.Unplaced))] };
    }

    /// <summary>
    /// Every firm of the firms layer (placed in a municipality or not) with its zone under the scenario and what it saves a
    /// year before VAT: what the map's firms layer shows. Zoned once per scenario and data edition.
    /// </summary>
    public async Task<IReadOnlyList<FirmZone>> FirmZonesAsync(TariffScenario scenario)
    {
        var version = store.Version.Id;
        var zoner = await ZonerAsync(scenario);
        return await _cache.GetAsync(version, $"firm-zones|{scenario.Ref}|{scenario.Sha256}|{stack.Ref}|{stack.Sha256}", async () =>
            new ProposalImpactCalculator(scenario, stack, household).FirmZones(zoner, await store.ListFirmsAsync(CancellationToken.None)));
    }

    /// <summary>The scenario's zoner over the operating and planned plants, built once per data edition.</summary>
    private Task<ScenarioZoner> ZonerAsync(TariffScenario scenario) =>
        _cache.GetAsync(store.Version.Id, $"zoner|{scenario.Ref}|{scenario.Sha256}", async () =>
            new ScenarioZoner(scenario, await store.ListPlantsAsync(SitingEngine.Current, CancellationToken.None)));

    private sealed record LocatedFirms(IReadOnlyList<ImpactFirm> Firms, int Unplaced);

    /// <summary>The firms layer's firms with the municipality that holds each (a firm in none is left out and counted).</summary>
    private async Task<LocatedFirms> FirmsAsync(CancellationToken cancellationToken)
    {
        var firms = await store.ListFirmsAsync(cancellationToken);
        if (firms.Count == 0)
            return new LocatedFirms([], 0);
        var areas = await store.AreasAtEachAsync(AdminAreaKind.Municipality, [.. firms.Select(f => f.Position)], cancellationToken);
        var placed = new List<ImpactFirm>();
        for (var i = 0; i < firms.Count; i++)
        {
            if (areas[i]?.NumericCode is { } code)
                placed.Add(new ImpactFirm(firms[i].Id, firms[i].Position.X, firms[i].Position.Y, code, firms[i].AnnualKwh));
        }
        return new LocatedFirms(placed, firms.Count - placed.Count);
    }

    private static Explanations.Reason SyntheticStatement => Explanations.Reason.Of("impact.basis-synthetic", ("persons", SyntheticDwellings.PersonsPerDwelling));

    private sealed record Zoned(ScenarioZoner Zoner, int[] Zones);

    private async Task<(List<AdminArea> Municipalities, string Label)> ChooseAsync(string area, IReadOnlyList<AdminArea> municipalities, CancellationToken cancellationToken)
    {
        var text = area.Trim().ToLowerInvariant();
        var numbered = municipalities.Where(m => m.NumericCode is not null).ToList();
        if (text is "denmark" or "dk" or "danmark")
            return (numbered, "Denmark");
        var parts = text.Split(':', 2);
        if (parts.Length < 2 || parts[1].Trim().Length == 0)
            throw new ArgumentException($"area '{area}' is not denmark, region:CODE or municipality:CODE");
        var code = parts[1].Trim();
        bool Same(AdminArea a) => a.Code == code || (int.TryParse(code, out var n) && a.NumericCode == n);
        switch (parts[0])
        {
            case "municipality" or "kommune":
                var m = numbered.FirstOrDefault(Same) ?? throw new AreaNotFoundException(Reason.Of("area.not-found-municipality", ("value", $"'{code}'")));
                return ([m], $"{m.Name} ({m.Code})");
            case "region":
                var region = (await store.ListAreasAsync(AdminAreaKind.Region, cancellationToken)).FirstOrDefault(Same)
                    ?? throw new AreaNotFoundException(Reason.Of("area.not-found-region", ("value", $"'{code}'")));
                // A municipality belongs to the region that holds a point inside it.
                var inside = numbered.Where(x => region.Geometry.Covers(x.Geometry.InteriorPoint)).ToList();
                return (inside, $"{region.Name} ({region.Code})");
            default:
                throw new ArgumentException($"area '{area}' is not denmark, region:CODE or municipality:CODE");
        }
    }

    private async Task<ImpactHouseholds> RealAsync(IReadOnlyList<AdminArea> municipalities, CancellationToken cancellationToken)
    {
        var numbered = municipalities.Where(m => m.NumericCode is not null).ToList();
        var codes = numbered.Select(m => m.NumericCode!.Value).ToHashSet();
        var box = new Envelope();
        foreach (var m in numbered) box.ExpandToInclude(m.Geometry.EnvelopeInternal);
        var factory = numbered.Count > 0 ? numbered[0].Geometry.Factory : new GeometryFactory();
        var addresses = box.IsNull ? [] : (await store.AddressesInAsync(factory.ToGeometry(box), cancellationToken)).Where(a => codes.Contains(a.MunicipalityCode)).ToList();
        var basis = addresses.GroupBy(a => a.MunicipalityCode).ToDictionary(g => g.Key, g => HouseholdBasis.Of(g).Because);
        return new ImpactHouseholds(addresses.Select(a => a.Xy.X).ToArray(), addresses.Select(a => a.Xy.Y).ToArray(),
            addresses.Select(a => a.MunicipalityCode).ToArray(), addresses.Select(a => a.Households ?? 1).ToArray(), false, new Dictionary<int, string>()).WithBasis(basis);
    }

    private async Task<ImpactHouseholds> SyntheticAsync(IReadOnlyList<AdminArea> municipalities, CancellationToken cancellationToken)
    {
        var (x, y, m) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken));
        var households = new int[m.Length];
        Array.Fill(households, 1);
        return new ImpactHouseholds(x, y, m, households, true, new Dictionary<int, string>()).WithBasis(m.Distinct().ToDictionary(c => c, _ => SyntheticStatement));
    }
}
