using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>
/// Tariff-zone tiles meet at their edges and agree across zooms: near the eight-turbine park at 57.03 N, 8.76 E a z12
/// tile had a tile-shaped hole (zone B missing where the tiles around it and its parent drew it).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TariffZoneTileEdgeTests(ApiFactory factory)
{
    // z12 tile 2147/1254 holds lon 8.76, lat 57.03 (x = (8.76 + 180) / 360 × 4096 = 2147.67; y from the Mercator formula = 1254.22).
    private const int X12 = 2147, Y12 = 1254;

    [Fact]
    public async Task Every_point_of_the_z12_tiles_around_the_park_has_the_same_zone_at_zooms_10_to_13()
    {
        var client = factory.CreateClient();
        var tiles = new Dictionary<(int Z, int X, int Y), IReadOnlyList<(string Zone, IPreparedGeometry Area, Geometry Boundary)>>();
        async Task<IReadOnlyList<(string Zone, IPreparedGeometry Area, Geometry Boundary)>> Zones(int z, int x, int y)
        {
            if (tiles.TryGetValue((z, x, y), out var known))
                return known;
            var bytes = await client.GetByteArrayAsync($"/tiles/tariff-zones/{z}/{x}/{y}.mvt");
            var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
            var zones = tile.Layers.SelectMany(l => l.Features)
                .Select(f => ((string)f.Attributes["zone"], PreparedGeometryFactory.Prepare(f.Geometry), f.Geometry.Boundary)).ToList();
            return tiles[(z, x, y)] = zones;
        }

        var disagreements = new List<string>();
        var compared = 0;
        foreach (var (x12, y12) in Pairs(X12 - 1, X12 + 1, Y12 - 1, Y12 + 1))
        {
            var own = await Zones(12, x12, y12);
            // A 12 × 12 grid of points inside the tile, the outer ones 1/24 of a tile from its edges.
            foreach (var (i, j) in Pairs(0, 11, 0, 11))
            {
                var (u, v) = (x12 + (i + 0.5) / 12, y12 + (j + 0.5) / 12);
                var point = new Point(Lon(u, 12), Lat(v, 12));
                // Points within three z10 tile units (≈ 15 m) of a zone's edge are left out: each zoom rounds the
                // edge to its own grid. 360° / 2^10 / 4096 per unit.
                var tolerance = 3 * 360.0 / (1 << 10) / 4096;
                if (own.Any(zone => zone.Boundary.IsWithinDistance(point, tolerance)))
                    continue;
                var expected = ZoneAt(own, point);
                foreach (var z in new[] { 10, 11, 13 })
                {
                    var scale = Math.Pow(2, z - 12);
                    var found = ZoneAt(await Zones(z, (int)Math.Floor(u * scale), (int)Math.Floor(v * scale)), point);
                    if (found != expected)
                        disagreements.Add($"lon {point.X:F5} lat {point.Y:F5}: z12 tile {x12}/{y12} says {expected}, z{z} says {found}");
                }
                compared++;
            }
        }

        Assert.True(compared > 1000, $"{compared} points compared");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} points disagree, e.g.\n{string.Join("\n", disagreements.Take(10))}");
    }

    [Fact]
    public async Task The_z12_tile_near_the_park_is_covered_by_its_zones_without_overlap()
    {
        // Within 10 km of a covered turbine (zone C's reach) everywhere: the site 57.03 N, 8.76 E is in zone A (site
        // answer: 489 m from turbine 570715000002024946) and the buffered z12 tile is at most about 5.7 km across, so
        // every point of it is within 2 + 5.7 < 10 km of that turbine. Its zones must therefore cover the whole tile.
        var client = factory.CreateClient();
        var bytes = await client.GetByteArrayAsync($"/tiles/tariff-zones/12/{X12}/{Y12}.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(X12, Y12, 12));
        var zones = tile.Layers.SelectMany(l => l.Features).Select(f => f.Geometry).ToList();
        var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(zones);
        // The tile grown by its buffer (8 of 256 pixels each side), in lon/lat degrees.
        var clip = new VeSiting.Core.Tiles.MercatorTile(12, X12, Y12).LonLatClip();

        Assert.InRange(union.Area / clip.Area, 0.995, 1.005);
        Assert.InRange(zones.Sum(z => z.Area) / union.Area, 0.995, 1.005);
    }

    private static string ZoneAt(IEnumerable<(string Zone, IPreparedGeometry Area, Geometry Boundary)> zones, Point p) =>
        string.Join("+", zones.Where(z => z.Area.Contains(p)).Select(z => z.Zone).Order()) is { Length: > 0 } s ? s : "none";

    private static IEnumerable<(int A, int B)> Pairs(int a0, int a1, int b0, int b1) =>
        Enumerable.Range(a0, a1 - a0 + 1).SelectMany(a => Enumerable.Range(b0, b1 - b0 + 1).Select(b => (a, b)));

    private static double Lon(double x, int z) => x / (1 << z) * 360 - 180;

    private static double Lat(double y, int z) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / (1 << z)))) * 180 / Math.PI;
}
