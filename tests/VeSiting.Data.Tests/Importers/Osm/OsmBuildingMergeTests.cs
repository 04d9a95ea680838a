using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Loading;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// Footprints from GeoDanmark and OpenStreetMap, one source per municipality: GeoDanmark's where it holds at least as many
/// as OSM there, OSM's otherwise. (The national bench lost 1.2 M synthetic OSM buildings to a 2,471-footprint GeoDanmark
/// sample under the earlier rule "GeoDanmark's wherever it has any": four sample footprints in København hid all of its.)
/// </summary>
public sealed class OsmBuildingMergeTests
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    // Two 10 km squares side by side: A (0101) from E 600,000, B (0147) from E 610,000, both N 6,100,000–6,110,000.
    private static AdminArea Municipality(string code, double west) => new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = code,
        Name = code,
        Geometry = Utm.ToGeometry(new Envelope(west, west + 10_000, 6_100_000, 6_110_000)),
        Origin = new RecordOrigin("dagi", "k.geojson", 1),
    };

    private static Building Square(string id, double west) => new()
    {
        Id = id,
        BuildingType = "house",
        Footprint = Utm.ToGeometry(new Envelope(west, west + 10, 6_105_000, 6_105_010)),
        Origin = new RecordOrigin(id.StartsWith("osm", StringComparison.Ordinal) ? "osm" : "geodanmark", "f", 1),
    };

    [Fact]
    public void Each_municipality_takes_the_source_with_more_footprints_there()
    {
        // A: GeoDanmark 1, OSM 3 → OSM's 3. B: GeoDanmark 2, OSM 2 → GeoDanmark's 2 (a tie goes to GeoDanmark).
        // Outside both (E 700,000): one OSM footprint, kept. Expected: osm-a1..a3, gd-b1, gd-b2, osm-x = 6.
        var official = new[] { Square("gd-a1", 601_000), Square("gd-b1", 611_000), Square("gd-b2", 612_000) };
        var osm = new[] { Square("osm-a1", 602_000), Square("osm-a2", 603_000), Square("osm-a3", 604_000), Square("osm-b1", 613_000), Square("osm-b2", 614_000), Square("osm-x", 700_000) };

        var merged = OsmSourceMerge.Merge([new OsmExtract([], osm, [])], "osm", "f.osm.pbf", [], official, [],
            [Municipality("0101", 600_000), Municipality("0147", 610_000)], [], [], "dar-addresses");

        Assert.Equal(["gd-b1", "gd-b2", "osm-a1", "osm-a2", "osm-a3", "osm-x"], merged.Buildings.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.Contains(merged.Issues, i => i.Reason.StartsWith("2 OpenStreetMap building(s)", StringComparison.Ordinal));
        Assert.Contains(merged.Issues, i => i.Reason.StartsWith("1 GeoDanmark building(s) set aside", StringComparison.Ordinal) && i.Reason.Contains("0101 (1 against 3 in OSM)"));
    }
}
