using System.Globalization;
using NetTopologySuite.Geometries;
using VeSiting.Api.Hosting;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Api.Endpoints;

/// <summary>A site from query parameters: lat+lon, e+n (EPSG:25832), address text or building id; checked to lie in Denmark.</summary>
internal static class SiteLocation
{
    public static async Task<(Geometry Site, string Label)> ResolveAsync(double? lat, double? lon, double? e, double? n, string? address, string? building,
        ISpatialStore store, CancellationToken cancellationToken)
    {
        var given = new[] { lat is not null || lon is not null, e is not null || n is not null, address is not null, building is not null }.Count(g => g);
        if (given != 1)
            throw new ProblemException("location", "give exactly one location: lat and lon, e and n (EPSG:25832), address, or building");
        if (address is not null)
        {
            var found = await store.SearchAddressesAsync(address, 1, cancellationToken);
            return found.Count == 0
                ? throw new ProblemException("address", $"no address matches '{address}'", StatusCodes.Status404NotFound)
                : (found[0].Position, found[0].Label);
        }
        if (building is not null)
        {
            var b = await store.FindBuildingAsync(building, cancellationToken)
                ?? throw new ProblemException("building", $"no building with id or BBR id '{building}'", StatusCodes.Status404NotFound);
            return (b.Footprint, $"building {b.Id}");
        }
        if (e is not null || n is not null)
        {
            if (e is null || n is null)
                throw new ProblemException(e is null ? "e" : "n", "e and n must be given together");
            if (!DenmarkExtent.ContainsUtm32(e.Value, n.Value))
                throw new ProblemException("e", $"({F(e.Value)}, {F(n.Value)}) lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}");
            return (GeometryTransforms.Utm32Point(e.Value, n.Value), $"E {F(e.Value)} N {F(n.Value)}");
        }
        if (lat is null || lon is null)
            throw new ProblemException(lat is null ? "lat" : "lon", "lat and lon must be given together");
        if (lat is < -90 or > 90 || double.IsNaN(lat.Value))
            throw new ProblemException("lat", $"{F(lat.Value)} is not a latitude (−90 to 90)");
        if (lon is < -180 or > 180 || double.IsNaN(lon.Value))
            throw new ProblemException("lon", $"{F(lon.Value)} is not a longitude (−180 to 180)");
        if (!DenmarkExtent.ContainsLonLat(lon.Value, lat.Value))
            throw new ProblemException("lat", $"({F(lat.Value)}, {F(lon.Value)}) lies outside Denmark ({DenmarkExtent.DescribeLonLat})");
        var (x, y) = CoordinateTransformer.Instance.ToUtm32(lon.Value, lat.Value);
        return (GeometryTransforms.Utm32Point(x, y), $"lat {F(lat.Value)} lon {F(lon.Value)}");
    }

    private static string F(double v) => v.ToString("0.#######", CultureInfo.InvariantCulture);
}
