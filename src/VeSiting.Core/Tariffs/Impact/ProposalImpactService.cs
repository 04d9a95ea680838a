using NetTopologySuite.Geometries;
using VeSiting.Core.DataCoverage;
using VeSiting.Core.Domain;
using VeSiting.Core.Stores;
using VeSiting.Core.Suitability;
using VeSiting.Core.Synthetic;

namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// A scenario's impact over an area ("denmark", "region:CODE", "municipality:CODE"): the area's households read through the
/// store (or the synthetic national dwelling set), the operating and planned plants, and the calculator. Reads only through
/// <see cref="ISpatialStore"/>, so both stores give the same answer.
/// </summary>
public sealed class ProposalImpactService(ISpatialStore store, PriceStack stack, ConsumptionProfile household)
{
    public async Task<ProposalImpact> RunAsync(TariffScenario scenario, string area, bool synthetic, IReadOnlyList<ImpactFirm>? firms = null, CancellationToken cancellationToken = default)
    {
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var (chosen, label) = await ChooseAsync(area, municipalities, cancellationToken);
        var codes = chosen.Select(m => m.NumericCode!.Value).ToHashSet();
        var households = synthetic ? await SyntheticAsync(municipalities, codes, cancellationToken) : await RealAsync(chosen, codes, cancellationToken);
        var plants = await store.ListPlantsAsync(SitingEngine.Current, cancellationToken);
        var names = chosen.ToDictionary(m => m.NumericCode!.Value, m => m.Name);
        return new ProposalImpactCalculator(scenario, stack, household).Compute(label, plants, households,
            (firms ?? []).Where(f => codes.Contains(f.Municipality)).ToList(), names, cancellationToken);
    }

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
                var m = numbered.FirstOrDefault(Same) ?? throw new KeyNotFoundException($"no municipality with code '{code}'");
                return ([m], $"{m.Name} ({m.Code})");
            case "region":
                var region = (await store.ListAreasAsync(AdminAreaKind.Region, cancellationToken)).FirstOrDefault(Same)
                    ?? throw new KeyNotFoundException($"no region with code '{code}'");
                // A municipality belongs to the region that holds a point inside it.
                var inside = numbered.Where(x => region.Geometry.Covers(x.Geometry.InteriorPoint)).ToList();
                return (inside, $"{region.Name} ({region.Code})");
            default:
                throw new ArgumentException($"area '{area}' is not denmark, region:CODE or municipality:CODE");
        }
    }

    private async Task<ImpactHouseholds> RealAsync(List<AdminArea> chosen, HashSet<int> codes, CancellationToken cancellationToken)
    {
        var box = new Envelope();
        foreach (var m in chosen) box.ExpandToInclude(m.Geometry.EnvelopeInternal);
        var factory = chosen.Count > 0 ? chosen[0].Geometry.Factory : new GeometryFactory();
        var addresses = box.IsNull ? [] : (await store.AddressesInAsync(factory.ToGeometry(box), cancellationToken)).Where(a => codes.Contains(a.MunicipalityCode)).ToList();
        var basis = addresses.GroupBy(a => a.MunicipalityCode).ToDictionary(g => g.Key, g => HouseholdBasis.Of(g).Statement);
        foreach (var code in codes.Where(c => !basis.ContainsKey(c)))
            basis[code] = HouseholdBasis.Of([]).Statement;
        return new ImpactHouseholds(addresses.Select(a => a.Position.X).ToArray(), addresses.Select(a => a.Position.Y).ToArray(),
            addresses.Select(a => a.MunicipalityCode).ToArray(), addresses.Select(a => a.Households ?? 1).ToArray(), false, basis);
    }

    private async Task<ImpactHouseholds> SyntheticAsync(IReadOnlyList<AdminArea> municipalities, HashSet<int> codes, CancellationToken cancellationToken)
    {
        var (x, y, m) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken));
        var keep = Enumerable.Range(0, m.Length).Where(i => codes.Contains(m[i])).ToArray();
        var statement = $"synthetic: municipal population / {SyntheticDwellings.PersonsPerDwelling} persons per dwelling, one household each, placed at random in the municipality";
        return new ImpactHouseholds(keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray(), keep.Select(i => m[i]).ToArray(),
            Enumerable.Repeat(1, keep.Length).ToArray(), true, codes.ToDictionary(c => c, _ => statement));
    }
}
