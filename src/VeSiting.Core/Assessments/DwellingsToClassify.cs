using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Synthetic;

namespace VeSiting.Core.Assessments;

/// <summary>The dwellings a batch classification runs over: the store's addresses, or the synthetic national set (labelled synthetic).</summary>
public static class DwellingsToClassify
{
    public static async Task<(IEnumerable<(string Id, double E, double N)> Dwellings, long Total)> LoadAsync(
        ISpatialStore store, bool synthetic, int? municipality, int? syntheticCount, CancellationToken cancellationToken)
    {
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        if (synthetic)
        {
            var (xs, ys, codes) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken), total: syntheticCount);
            var chosen = Enumerable.Range(0, xs.Length).Where(i => municipality is not { } m || codes[i] == m).ToArray();
            return (chosen.Select(i => ($"{SyntheticDwellings.IdPrefix}{i}", xs[i], ys[i])), chosen.Length);
        }
        var extent = new NetTopologySuite.Geometries.Envelope();
        foreach (var area in municipalities)
            extent.ExpandToInclude(area.Geometry.EnvelopeInternal);
        var addresses = (await store.AddressesInAsync(GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(extent), cancellationToken))
            .Where(a => municipality is not { } m || a.MunicipalityCode == m).ToList();
        return (addresses.Select(a => (a.Id, a.Position.X, a.Position.Y)), addresses.Count);
    }
}
