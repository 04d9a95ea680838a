using NetTopologySuite.Geometries.Utilities;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Mapbox Vector Tile encoding of a layer's features, straight from EPSG:25832 to tile units by <see cref="MercatorTile"/>
/// (exact, no longitude/latitude geometries) and written by the one writer, <see cref="MvtLayer"/>, one MVT layer per
/// vector layer of the definition, in its order. Points outside the tile and its buffer are dropped; lines and areas are
/// clipped to the buffered tile, rounded to whole units (half to even, as ST_AsMVTGeom snaps), and parts that collapse are
/// left out, with the rings oriented as the specification asks (exterior clockwise on screen, holes anticlockwise).
/// </summary>
public static class MvtEncoder
{
    public static byte[] Encode(MercatorTile tile, TileLayer layer, IEnumerable<TileFeature> features, int maxFeatures)
    {
        var writers = new Dictionary<string, MvtLayer>();
        var clip = new Envelope(-tile.Buffer, tile.Extent + tile.Buffer, -tile.Buffer, tile.Extent + tile.Buffer);
        var count = 0;
        var points = layer.Geometry == TileLayer.Points;
        foreach (var (vectorLayer, utm32, attributes) in features)
        {
            // A point layer shows a feature of any other shape (a solar park's area) at a point inside it.
            var geometry = points && utm32 is not (Point or MultiPoint) ? utm32.InteriorPoint : utm32;
            if (!writers.TryGetValue(vectorLayer, out var writer))
                writers[vectorLayer] = writer = new MvtLayer(layer.VectorLayer(vectorLayer).Id, tile.Extent);
            if (!Write(tile, clip, geometry, writer))
                continue;
            foreach (var name in attributes.GetNames())
                writer.Attribute(name, attributes[name]);
            if (++count >= maxFeatures)
                break;
        }
        return MvtLayer.Concat(layer.VectorLayers.Where(writers.ContainsKey).Select(v => writers[v]));
    }

    /// <summary>Starts the feature of <paramref name="geometry"/> in <paramref name="writer"/>; false when nothing of it is left in the tile.</summary>
    private static bool Write(MercatorTile tile, Envelope clip, Geometry geometry, MvtLayer writer)
    {
        switch (geometry)
        {
            case Point p:
                if (p.IsEmpty || !tile.TryPosition(p.X, p.Y, out var px, out var py))
                    return false;
                writer.AddPoint(px, py);
                return true;
            case MultiPoint points:
                {
                    var inside = new List<(int, int)>();
                    foreach (var c in points.Coordinates)
                    {
                        if (tile.TryPosition(c.X, c.Y, out var x, out var y))
                            inside.Add((x, y));
                    }
                    if (inside.Count == 0)
                        return false;
                    writer.AddPoints(inside.ToArray());
                    return true;
                }
            case { Dimension: Dimension.Surface }:
                {
                    var rings = new List<(int X, int Y)[]>();
                    var clipped = Clipped(InTileUnits(tile, geometry), clip);
                    for (var i = 0; i < clipped.NumGeometries; i++)
                    {
                        if (clipped.GetGeometryN(i) is not Polygon polygon || Rounded(polygon.ExteriorRing, exterior: true) is not { } shell)
                            continue;
                        rings.Add(shell);
                        rings.AddRange(polygon.InteriorRings.Select(h => Rounded(h, exterior: false)).OfType<(int X, int Y)[]>());
                    }
                    if (rings.Count == 0)
                        return false;
                    writer.AddPolygon(rings);
                    return true;
                }
            case { Dimension: Dimension.Curve }:
                {
                    var clipped = Clipped(InTileUnits(tile, geometry), clip);
                    var lines = Enumerable.Range(0, clipped.NumGeometries).Select(clipped.GetGeometryN).OfType<LineString>()
                        .Select(l => Deduplicated(l.CoordinateSequence, l.NumPoints)).Where(l => l.Length >= 2).ToList();
                    if (lines.Count == 0)
                        return false;
                    writer.AddLines(lines);
                    return true;
                }
            default:
                return false;
        }
    }

    /// <summary>A copy of an EPSG:25832 geometry with its coordinates in (fractional) tile units.</summary>
    private static Geometry InTileUnits(MercatorTile tile, Geometry utm32)
    {
        var copy = utm32.Copy();
        copy.Apply(new ToTileUnits(tile));
        copy.GeometryChanged();
        return copy;
    }

    private static Geometry Clipped(Geometry geometry, Envelope clip)
    {
        if (clip.Contains(geometry.EnvelopeInternal))
            return geometry; // wholly inside: nothing to clip
        // Projected unions and differences can come out very slightly invalid; overlay needs valid input.
        if (!geometry.IsValid)
            geometry = GeometryFixer.Fix(geometry);
        return OfDimension(geometry.Intersection(geometry.Factory.ToGeometry(clip)), geometry.Dimension);
    }

    /// <summary>
    /// The parts of a clipped geometry of the source's own dimension: where a polygon runs along the clip's edge the
    /// intersection also holds lines or points, which a polygon feature cannot carry (they would drop the feature whole:
    /// the tariff zones' tile-shaped holes).
    /// </summary>
    private static Geometry OfDimension(Geometry clipped, Dimension dimension)
    {
        if (clipped is not GeometryCollection { OgcGeometryType: OgcGeometryType.GeometryCollection } collection)
            return clipped;
        var parts = Enumerable.Range(0, collection.NumGeometries).Select(collection.GetGeometryN)
            .SelectMany(g => g is GeometryCollection inner ? Enumerable.Range(0, inner.NumGeometries).Select(inner.GetGeometryN) : [g])
            .Where(g => g.Dimension == dimension && !g.IsEmpty).ToList();
        return clipped.Factory.BuildGeometry(parts);
    }

    /// <summary>
    /// A ring rounded to whole units, without repeated points and its closing point, oriented as MVT asks (exterior:
    /// positive area with y down; hole: negative); null when fewer than 3 points or no area remain.
    /// </summary>
    private static (int X, int Y)[]? Rounded(LineString ring, bool exterior)
    {
        var points = Deduplicated(ring.CoordinateSequence, ring.NumPoints);
        var n = points.Length;
        while (n > 1 && points[n - 1] == points[0])
            n--;
        if (n < 3)
            return null;
        long twiceArea = 0;
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % n]);
            twiceArea += (long)a.X * b.Y - (long)b.X * a.Y;
        }
        if (twiceArea == 0)
            return null;
        var result = points[..n];
        if (twiceArea > 0 != exterior)
            Array.Reverse(result);
        return result;
    }

    private static (int X, int Y)[] Deduplicated(CoordinateSequence sequence, int count)
    {
        var points = new List<(int X, int Y)>(count);
        for (var i = 0; i < count; i++)
        {
            var p = ((int)Math.Round(sequence.GetX(i)), (int)Math.Round(sequence.GetY(i)));
            if (points.Count == 0 || points[^1] != p)
                points.Add(p);
        }
        return [.. points];
    }

    private sealed class ToTileUnits(MercatorTile tile) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = tile.Position(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
