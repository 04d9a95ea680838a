using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Tests.Embedded;

/// <summary>The building grid finds the same buildings as an STR-tree of their boxes (the embedded store's index before it).</summary>
public sealed class BuildingGridTests
{
    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    [Fact]
    public void Every_query_finds_the_buildings_an_str_tree_of_their_boxes_finds()
    {
        var random = new Random(26);
        var buildings = new List<Building>();
        for (var i = 0; i < 20_000; i++)
        {
            // Houses of 5–40 m, one in a hundred a large hall or farm of up to 600 m, and an L-shaped one in ten (a polygon with a hole is not packed).
            var (x, y) = (600_000 + random.NextDouble() * 20_000, 6_100_000 + random.NextDouble() * 20_000);
            var size = i % 100 == 0 ? 100 + random.NextDouble() * 500 : 5 + random.NextDouble() * 35;
            Geometry footprint = i % 10 == 0
                ? Utm.CreatePolygon(Utm.CreateLinearRing([new(x, y), new(x + size, y), new(x + size, y + size / 2), new(x + size / 2, y + size / 2), new(x + size / 2, y + size), new(x, y + size), new(x, y)]),
                    [Utm.CreateLinearRing([new(x + 1, y + 1), new(x + 2, y + 1), new(x + 2, y + 2), new(x + 1, y + 1)])])
                : Utm.ToGeometry(new Envelope(x, x + size, y, y + size * 0.7));
            buildings.Add(new Building { Id = $"b{i}", BuildingType = "house", Footprint = footprint, Origin = new RecordOrigin("osm", "f", i) });
        }
        var tree = new STRtree<Building>();
        foreach (var b in buildings)
            tree.Insert(b.Envelope, b);
        tree.Build();
        var grid = new BuildingGrid(buildings);

        for (var q = 0; q < 2_000; q++)
        {
            var (x, y) = (599_000 + random.NextDouble() * 22_000, 6_099_000 + random.NextDouble() * 22_000);
            var r = q % 50 == 0 ? 3_000 * random.NextDouble() : 300 * random.NextDouble();
            var search = new Envelope(x - r, x + r, y - r, y + r);
            Assert.Equal(tree.Query(search).Select(b => b.Id).Order(StringComparer.Ordinal), grid.Query(search).Select(b => b.Id).Order(StringComparer.Ordinal));
        }
        // A search box touching a building's edge finds it (edges included), as the tree does.
        var first = buildings[1].Envelope;
        Assert.Contains(grid.Query(new Envelope(first.MaxX, first.MaxX + 10, first.MinY, first.MaxY)), b => b.Id == "b1");
    }
}
