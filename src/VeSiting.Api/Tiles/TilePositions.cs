using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Tile positions of EPSG:25832 points in a box, interpolated bilinearly between exact ones (<see cref="MercatorTile.Position"/>)
/// on a 16 × 16 lattice over the box: for thousands of corners at a few nanoseconds each instead of the full inverse
/// transverse Mercator. Web Mercator and UTM are both conformal, so the map between them bends only by the change of
/// scale across a lattice cell: at zoom 5 (cells of about 80 km) well under one tile unit, and four times less per zoom.
/// </summary>
public sealed class TilePositions
{
    private const int Steps = 16;
    private readonly double _west, _north, _dx, _dy;
    private readonly (double X, double Y)[,] _nodes = new (double, double)[Steps + 1, Steps + 1];

    public TilePositions(MercatorTile tile, double west, double south, double east, double north)
    {
        (_west, _north, _dx, _dy) = (west, north, Math.Max(1e-9, (east - west) / Steps), Math.Max(1e-9, (north - south) / Steps));
        for (var j = 0; j <= Steps; j++)
        {
            for (var i = 0; i <= Steps; i++)
                _nodes[j, i] = tile.Position(west + i * _dx, north - j * _dy);
        }
    }

    public (double X, double Y) Position(double easting, double northing)
    {
        var u = (easting - _west) / _dx;
        var v = (_north - northing) / _dy;
        var i = Math.Clamp((int)Math.Floor(u), 0, Steps - 1);
        var j = Math.Clamp((int)Math.Floor(v), 0, Steps - 1);
        var (fu, fv) = (u - i, v - j);
        var (a, b, c, d) = (_nodes[j, i], _nodes[j, i + 1], _nodes[j + 1, i], _nodes[j + 1, i + 1]);
        return ((a.X * (1 - fu) + b.X * fu) * (1 - fv) + (c.X * (1 - fu) + d.X * fu) * fv,
                (a.Y * (1 - fu) + b.Y * fu) * (1 - fv) + (c.Y * (1 - fu) + d.Y * fu) * fv);
    }
}
