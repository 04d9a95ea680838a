namespace VeSiting.Core.Spatial;

/// <summary>
/// Very many points (dwellings) in a uniform grid of flat arrays, for radius queries: which points lie within
/// r of a place. Built once; thread-safe for queries; no allocation per query.
/// </summary>
public sealed class PointGrid
{
    private readonly double[] _x, _y;
    private readonly double _cell, _x0, _y0;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart, _items;

    public PointGrid(double[] xs, double[] ys, double cellSizeM = 1_000)
    {
        if (xs.Length != ys.Length)
            throw new ArgumentException("coordinate arrays must have the same length");
        (_x, _y, _cell) = (xs, ys, cellSizeM);
        var n = xs.Length;
        (_x0, _y0) = n == 0 ? (0, 0) : (xs.Min(), ys.Min());
        _columns = n == 0 ? 1 : (int)Math.Floor((xs.Max() - _x0) / _cell) + 1;
        _rows = n == 0 ? 1 : (int)Math.Floor((ys.Max() - _y0) / _cell) + 1;
        var counts = new int[_columns * _rows + 1];
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = Row(ys[i]) * _columns + Column(xs[i]);
            counts[cellOf[i] + 1]++;
        }
        for (var c = 1; c < counts.Length; c++) counts[c] += counts[c - 1];
        _cellStart = counts;
        _items = new int[n];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < n; i++)
            _items[fill[cellOf[i]]++] = i;
    }

    public int Count => _x.Length;

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _x0) / _cell), 0, _columns - 1);
    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _y0) / _cell), 0, _rows - 1);

    /// <summary>Calls <paramref name="found"/> with the index and distance of every point within <paramref name="radiusM"/> of (x, y).</summary>
    public void Within<TState>(double x, double y, double radiusM, ref TState state, WithinCallback<TState> found)
    {
        var r2 = radiusM * radiusM;
        for (var r = Row(y - radiusM); r <= Row(y + radiusM); r++)
        {
            for (var c = Column(x - radiusM); c <= Column(x + radiusM); c++)
            {
                var cell = r * _columns + c;
                for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                {
                    var i = _items[k];
                    var dx = _x[i] - x;
                    var dy = _y[i] - y;
                    var d2 = dx * dx + dy * dy;
                    if (d2 <= r2)
                        found(i, Math.Sqrt(d2), ref state);
                }
            }
        }
    }

    /// <summary>Calls <paramref name="found"/> with the index and coordinates of every point inside the box (edges included).</summary>
    public void InBox<TState>(double minX, double minY, double maxX, double maxY, ref TState state, BoxCallback<TState> found)
    {
        if (_x.Length == 0 || minX > maxX || minY > maxY)
            return;
        for (var r = Row(minY); r <= Row(maxY); r++)
        {
            for (var c = Column(minX); c <= Column(maxX); c++)
            {
                var cell = r * _columns + c;
                for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                {
                    var i = _items[k];
                    var (x, y) = (_x[i], _y[i]);
                    if (x >= minX && x <= maxX && y >= minY && y <= maxY)
                        found(i, x, y, ref state);
                }
            }
        }
    }

    public delegate void WithinCallback<TState>(int index, double distanceM, ref TState state);

    public delegate void BoxCallback<TState>(int index, double x, double y, ref TState state);
}
