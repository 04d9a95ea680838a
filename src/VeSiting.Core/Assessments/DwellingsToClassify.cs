using VeSiting.Core.DataCoverage;
using VeSiting.Core.Synthetic;

namespace VeSiting.Core.Assessments;

/// <summary>The dwellings a batch classification runs over: the store's addresses, or the synthetic national set (labelled synthetic).</summary>
public static class DwellingsToClassify
{
    /// <summary>What a synthetic classification says about households: the synthetic set has one point per dwelling.</summary>
    public const string SyntheticHouseholds = "synthetic dwellings, one household each (not real addresses)";

    /// <summary>
    /// The dwellings, how many, which household basis the addresses give, and — for real addresses — what the coverage
    /// of the loaded address data says about the municipalities classified (null when it covers them all).
    /// </summary>
    public sealed record Selection(IEnumerable<(string Id, double E, double N)> Dwellings, long Total, string HouseholdBasis, string? CoverageStatement)
    {
        /// <summary><see cref="HouseholdBasis"/> (English) as a code and values.</summary>
        public Explanations.Reason HouseholdReason { get; init; } = Explanations.Reason.Plain(HouseholdBasis);

        /// <summary><see cref="CoverageStatement"/> (English) as a code and values, or null.</summary>
        public Explanations.Reason? CoverageReason { get; init; } = CoverageStatement is null ? null : Explanations.Reason.Plain(CoverageStatement);

        public void Deconstruct(out IEnumerable<(string Id, double E, double N)> dwellings, out long total) => (dwellings, total) = (Dwellings, Total);
    }

    public static async Task<Selection> LoadAsync(
        ISpatialStore store, bool synthetic, int? municipality, int? syntheticCount, CancellationToken cancellationToken)
    {
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        if (synthetic)
        {
            var (xs, ys, codes) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken), total: syntheticCount);
            var chosen = Enumerable.Range(0, xs.Length).Where(i => municipality is not { } m || codes[i] == m).ToArray();
            return new Selection(chosen.Select(i => ($"{SyntheticDwellings.IdPrefix}{i}", xs[i], ys[i])), chosen.Length, SyntheticHouseholds, null)
            {
                HouseholdReason = Explanations.Reason.Of("households.synthetic"),
            };
        }
        var extent = new NetTopologySuite.Geometries.Envelope();
        foreach (var area in municipalities)
            extent.ExpandToInclude(area.Geometry.EnvelopeInternal);
        var addresses = (await store.AddressesInAsync(GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(extent), cancellationToken))
            .Where(a => municipality is not { } m || a.MunicipalityCode == m).ToList();
        var coverage = AddressCoverage.SummaryReason(await AddressCoverage.OfMunicipalitiesAsync(store, municipality, cancellationToken));
        var households = HouseholdBasis.Of(addresses).Because;
        return new Selection(addresses.Select(a => (a.Id, a.Xy.X, a.Xy.Y)), addresses.Count, households.Text, coverage?.Text)
        {
            HouseholdReason = households,
            CoverageReason = coverage,
        };
    }
}
