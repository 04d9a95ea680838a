using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Stores;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>
/// Reference answers computed by scanning every record with plain NetTopologySuite operations: no index,
/// no store code. The contract requires every store to agree with these.
/// </summary>
internal static class BruteForce
{
    public static PlantDistance? Nearest(DataSet data, Point point, PlantFilter filter) =>
        data.Plants.Where(filter.Matches)
            .Select(p => new PlantDistance(p, p.Geometry.Distance(point)))
            .OrderBy(p => p.DistanceM).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).ThenBy(p => p.Plant.Status)
            .FirstOrDefault();

    public static List<(string Id, double DistanceM)> AddressesWithin(DataSet data, Geometry geometry, double radius) =>
        data.Addresses.Select(a => (a.Id, DistanceM: geometry.Distance(a.Position)))
            .Where(a => a.DistanceM <= radius)
            .OrderBy(a => a.DistanceM).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    public static List<(string Id, double DistanceM)> BuildingsWithin(DataSet data, Geometry geometry, double radius) =>
        data.Buildings.Select(b => (b.Id, DistanceM: geometry.Distance(b.Footprint)))
            .Where(b => b.DistanceM <= radius)
            .OrderBy(b => b.DistanceM).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();

    public static string? AreaAt(DataSet data, AdminAreaKind kind, Point point) =>
        data.Areas(kind)
            .Where(a => SimplePointInAreaLocator.Locate(point.Coordinate, a.Geometry) != Location.Exterior)
            .Select(a => a.Code).OrderBy(c => c, StringComparer.Ordinal).FirstOrDefault();
}
