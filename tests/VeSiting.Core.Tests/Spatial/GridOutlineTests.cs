using NetTopologySuite.Geometries;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.Spatial;

public sealed class GridOutlineTests
{
    private static readonly GeometryFactory Factory = GeometryTransforms.FactoryFor(Epsg.Utm32);

    private static Geometry Outline(string[] rowsNorthFirst, double cell = 10)
    {
        var rows = rowsNorthFirst.Reverse().ToArray();
        var frame = new GridFrame(1000, 2000, cell, rows[0].Length, rows.Length);
        return GridOutline.Polygons(frame, i => rows[i / frame.Columns][i % frame.Columns] == '#', Factory);
    }

    [Fact]
    public void A_ring_of_cells_is_one_polygon_with_a_hole()
    {
        // 8 in-cells of 10 m round one out-cell: 800 m², shell 30 × 30 m from (1000, 2000), hole (1010–1020, 2010–2020).
        var g = Outline(["###", "#.#", "###"]);
        Assert.True(g.IsValid);
        var polygon = Assert.IsType<Polygon>(Assert.Single(((MultiPolygon)g).Geometries));
        Assert.Equal(800, polygon.Area, 9);
        Assert.Equal(5, polygon.Shell.NumPoints); // straight runs merged: four corners and the closing point
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(new Envelope(1010, 1020, 2010, 2020), polygon.GetInteriorRingN(0).EnvelopeInternal);
    }

    [Fact]
    public void Cells_touching_only_at_a_corner_stay_apart_and_an_island_in_a_hole_is_its_own_polygon()
    {
        var diagonal = Outline(["#.", ".#"]);
        Assert.True(diagonal.IsValid);
        Assert.Equal(2, diagonal.NumGeometries);
        Assert.Equal(200, diagonal.Area, 9);

        // A 5 × 5 frame with a 3 × 3 hole holding one cell: 16 + 1 cells.
        var island = Outline(["#####", "#...#", "#.#.#", "#...#", "#####"]);
        Assert.True(island.IsValid);
        Assert.Equal(2, island.NumGeometries);
        Assert.Equal(1700, island.Area, 9);
        Assert.True(island.Covers(Factory.CreatePoint(new Coordinate(1025, 2025))));
        Assert.False(island.Covers(Factory.CreatePoint(new Coordinate(1015, 2015))));
    }

    [Fact]
    public void Nothing_in_is_an_empty_outline()
    {
        Assert.True(Outline(["...", "..."]).IsEmpty);
    }
}
