using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tiles;
using NtsTile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Core.Tests.Tiles;

public sealed class MvtLayerTests
{
    // The control point E 467394.6281, N 6248471.3325 = lon 8.4720166°, lat 56.3797517° (PostGIS), worked by hand at z14 (2^14 = 16384 tiles):
    //   x = (8.4720166 + 180) / 360 = 0.52353338 → × 16384 = 8577.57089 → column 8577, (0.57089) × 4096 = 2338.36 → unit 2338
    //   φ = 56.3797517° = 0.98401230 rad, tan φ = 1.50396762, ψ = asinh(tan φ) = 1.19696205
    //   y = 0.5 − ψ / 2π = 0.30949757 → × 16384 = 5070.80825 → row 5070, (0.80825) × 4096 = 3310.58 → unit 3311
    private const double E = 467394.6281, N = 6248471.3325;
    private static readonly MercatorTile Tile = new(14, 8577, 5070);

    [Fact]
    public void The_control_point_lands_on_the_hand_computed_tile_and_units()
    {
        Assert.Equal((8577, 5070), MercatorTile.TileOf(E, N, 14));
        var layer = new MvtLayer("dwellings");
        Assert.True(Tile.TryPosition(E, N, out var px, out var py));
        layer.AddPoint(px, py);

        var decoded = Assert.Single(RawMvt.Decode(layer.ToTile()));
        Assert.Equal(("dwellings", 2, 4096), (decoded.Name, decoded.Version, decoded.Extent));
        var feature = Assert.Single(decoded.Features);
        Assert.Equal((1, 2338, 3311), (feature.Type, feature.X, feature.Y));
        Assert.Empty(feature.Attributes);
    }

    [Fact]
    public void Attributes_round_trip_through_the_layer_tables()
    {
        var layer = new MvtLayer("plants");
        layer.AddPoint(10, 20);
        layer.Attribute("kind", "WindTurbine");
        layer.Attribute("capacity_mw", 3.6);
        layer.Attribute("rank", 7);
        layer.Attribute("offset", -3L);
        layer.Attribute("covered", true);
        layer.Attribute("name", null);
        layer.AddPoint(-5, 4100);
        layer.Attribute("kind", "WindTurbine");
        layer.Attribute("name", "Ærø Øst");

        var decoded = Assert.Single(RawMvt.Decode(layer.ToTile()));
        Assert.Equal(2, decoded.Features.Count);
        var (first, second) = (decoded.Features[0], decoded.Features[1]);
        Assert.Equal((10, 20), (first.X, first.Y));
        Assert.Equal(new Dictionary<string, object> { ["kind"] = "WindTurbine", ["capacity_mw"] = 3.6, ["rank"] = 7L, ["offset"] = -3L, ["covered"] = true }, first.Attributes);
        Assert.Equal((-5, 4100), (second.X, second.Y));
        Assert.Equal(new Dictionary<string, object> { ["kind"] = "WindTurbine", ["name"] = "Ærø Øst" }, second.Attributes);
    }

    [Fact]
    public void NetTopologySuite_reads_the_tile_back_to_the_control_point()
    {
        var layer = new MvtLayer("dwellings");
        Assert.True(Tile.TryPosition(E, N, out var px, out var py));
        layer.AddPoint(px, py);
        layer.Attribute("id", "a1");

        var tile = new MapboxTileReader().Read(new MemoryStream(layer.ToTile()), new NtsTile(8577, 5070, 14));
        var read = Assert.Single(tile.Layers);
        Assert.Equal("dwellings", read.Name);
        var feature = Assert.Single(read.Features);
        Assert.Equal("a1", feature.Attributes["id"]);
        // One unit at z14 is 360 / 16384 / 4096 = 5.4e-6° of longitude and 5.4e-6 × cos 56.38° = 3.0e-6° of latitude;
        // rounding to whole units moves the point by at most half a unit each way. The reader turns rows into latitude
        // about one unit further south than PostGIS's ST_AsMVTGeom, which gives this point POINT(2338 3311) as we do
        // (checked in PostGIS 3.3.2), so latitude is allowed one and a half units.
        Assert.Equal(8.4720166, feature.Geometry.Coordinate.X, tolerance: 2.7e-6);
        Assert.Equal(56.3797517, feature.Geometry.Coordinate.Y, tolerance: 4.5e-6);
    }

    [Theory]
    [InlineData(-127.9, 2048, true, -128, 2048)]
    [InlineData(-128.1, 2048, false, 0, 0)]
    [InlineData(4223.9, 2048, true, 4224, 2048)]
    [InlineData(4224.1, 2048, false, 0, 0)]
    [InlineData(2048, -128.1, false, 0, 0)]
    [InlineData(2048, 4223.9, true, 2048, 4224)]
    [InlineData(1000.4, 3000.6, true, 1000, 3001)]
    public void Points_outside_the_tile_and_its_128_unit_buffer_are_dropped(double u, double v, bool kept, int px, int py)
    {
        // The EPSG:25832 point at tile position (u, v) of 14/8577/5070, by the web-mercator inverse:
        // lon = (8577 + u/4096) / 16384 × 360 − 180, lat = atan(sinh(π (1 − 2 (5070 + v/4096) / 16384))).
        var lon = (8577 + u / 4096) / 16384 * 360 - 180;
        var lat = Math.Atan(Math.Sinh(Math.PI * (1 - 2 * (5070 + v / 4096) / 16384))) * 180 / Math.PI;
        var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon, lat);

        Assert.Equal(kept, Tile.TryPosition(e, n, out var x, out var y));
        Assert.Equal((px, py), (x, y));
        var (minE, minN, maxE, maxN) = Tile.Utm32Box();
        if (kept)
            Assert.True(e >= minE && e <= maxE && n >= minN && n <= maxN, "the search box holds every kept point");
    }

    [Fact]
    public void An_empty_layer_is_an_empty_tile()
    {
        Assert.Empty(new MvtLayer("plants").ToTile());
    }

    [Fact]
    public void A_polygon_reads_back_as_the_square_it_was_given()
    {
        // A square of units (1024, 1024)–(3072, 3072) of z14 tile 8577/5070, written north-west, north-east, south-east,
        // south-west (clockwise on screen: an exterior ring in MVT 2). By the web-mercator inverse its corners are at
        // lon = (8577 + u/4096) / 16384 × 360 − 180 and lat = atan(sinh(π (1 − 2 (5070 + v/4096) / 16384))).
        var layer = new MvtLayer("suitability");
        layer.AddPolygon([(1024, 1024), (3072, 1024), (3072, 3072), (1024, 3072)]);
        layer.Attribute("class", "80");

        var tile = new MapboxTileReader().Read(new MemoryStream(layer.ToTile()), new NtsTile(8577, 5070, 14));
        var feature = Assert.Single(Assert.Single(tile.Layers).Features);
        Assert.Equal("80", feature.Attributes["class"]);
        var polygon = Assert.IsType<NetTopologySuite.Geometries.Polygon>(feature.Geometry);
        Assert.Equal(5, polygon.ExteriorRing.NumPoints);
        static double Lon(double u) => (8577 + u / 4096) / 16384 * 360 - 180;
        static double Lat(double v) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * (5070 + v / 4096) / 16384))) * 180 / Math.PI;
        var envelope = polygon.EnvelopeInternal;
        // The reader places rows about one unit (≈ 3e-6° here) further south, as noted above.
        Assert.Equal(Lon(1024), envelope.MinX, tolerance: 2.7e-6);
        Assert.Equal(Lon(3072), envelope.MaxX, tolerance: 2.7e-6);
        Assert.Equal(Lat(1024), envelope.MaxY, tolerance: 4.5e-6);
        Assert.Equal(Lat(3072), envelope.MinY, tolerance: 4.5e-6);
        var raw = Assert.Single(Assert.Single(RawMvt.Decode(layer.ToTile())).Features);
        Assert.Equal((3, 1024, 1024), (raw.Type, raw.X, raw.Y)); // POLYGON, starting at its first corner
    }

    [Fact]
    public void Polygons_with_holes_and_parts_lines_and_multi_points_read_back_as_given()
    {
        // Decoded by NetTopologySuite's reader in tile units' areas: a unit square of the tile is 1/4096² of it, so areas are
        // compared in units² through the envelope ratio. Part 1: the square (0, 0)–(2000, 2000) less the hole (500, 500)–(1000, 1000):
        // area 2000² − 500² = 3,750,000 units²; part 2: the square (3000, 3000)–(3500, 3500): 250,000 units². Exterior rings are
        // clockwise on screen (positive area with y down), holes anticlockwise.
        var layer = new MvtLayer("zones");
        layer.AddPolygon([
            [(0, 0), (2000, 0), (2000, 2000), (0, 2000)],
            [(500, 500), (500, 1000), (1000, 1000), (1000, 500)],
            [(3000, 3000), (3500, 3000), (3500, 3500), (3000, 3500)],
        ]);
        layer.Attribute("zone", "A");
        layer.AddLines([[(0, 0), (4096, 4096)], [(0, 4096), (100, 4000), (200, 4096)]]);
        layer.AddPoints([(10, 20), (30, 40)]);
        layer.Attribute("count", 2L);

        var tile = new MapboxTileReader().Read(new MemoryStream(layer.ToTile()), new NtsTile(8577, 5070, 14));
        var features = Assert.Single(tile.Layers).Features;
        Assert.Equal(3, features.Count);
        var multi = Assert.IsType<NetTopologySuite.Geometries.MultiPolygon>(features[0].Geometry);
        Assert.Equal("A", features[0].Attributes["zone"]);
        var (first, second) = ((NetTopologySuite.Geometries.Polygon)multi[0], (NetTopologySuite.Geometries.Polygon)multi[1]);
        Assert.Equal(1, first.NumInteriorRings);
        Assert.Equal(0, second.NumInteriorRings);
        // Degrees² per unit² near this tile: (width of a unit in °) × (height of a unit in °), both from the parts' envelopes.
        var unit = second.EnvelopeInternal.Width / 500 * (second.EnvelopeInternal.Height / 500);
        Assert.Equal(3_750_000, first.Area / unit, tolerance: 3_750_000 * 0.01);
        var lines = Assert.IsType<NetTopologySuite.Geometries.MultiLineString>(features[1].Geometry);
        Assert.Equal([2, 3], lines.Geometries.Select(g => g.NumPoints));
        var points = Assert.IsType<NetTopologySuite.Geometries.MultiPoint>(features[2].Geometry);
        Assert.Equal(2, points.NumGeometries);
        Assert.Equal(2L, Convert.ToInt64(features[2].Attributes["count"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Layers_concatenate_into_one_tile()
    {
        var (a, b) = (new MvtLayer("regions"), new MvtLayer("municipalities"));
        a.AddPoint(1, 2);
        b.AddPoint(3, 4);
        Assert.Equal(["regions", "municipalities"], RawMvt.Decode(MvtLayer.Concat([a, b, new MvtLayer("empty")])).Select(l => l.Name));
    }
}
