using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace VeSiting.Core.Suitability;

/// <summary>
/// People per raster cell: each municipality's population spread evenly over its area (people / m² × cell area),
/// assigned by the cell centre's municipality. Row prefix sums answer "people within R of a point" by summing the
/// cells whose centres lie within R, a few dozen additions per query.
/// </summary>
public sealed class PopulationRaster
{
    /// <summary>The cell both siting engines use: 1 km.</summary>
    public const double DefaultCellSizeM = 1000;

    private readonly double _cell;
    private readonly double _x0, _y0;
    private readonly int _columns, _rows;
    private readonly double[][] _prefix;

    public PopulationRaster(IReadOnlyList<AdminArea> municipalities, IReadOnlyList<MunicipalityPopulation> population, double cellSizeM = DefaultCellSizeM)
    {
        _cell = cellSizeM;
        var extent = new Envelope();
        foreach (var m in municipalities) extent.ExpandToInclude(m.Geometry.EnvelopeInternal);
        if (extent.IsNull)
            extent = new Envelope(0, 1, 0, 1);
        _x0 = Math.Floor(extent.MinX / _cell) * _cell;
        _y0 = Math.Floor(extent.MinY / _cell) * _cell;
        _columns = (int)Math.Ceiling((extent.MaxX - _x0) / _cell) + 1;
        _rows = (int)Math.Ceiling((extent.MaxY - _y0) / _cell) + 1;

        var byCode = population.GroupBy(p => p.MunicipalityCode).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Period)!.Population);
        var tree = new STRtree<(IPreparedGeometry Area, double Density)>();
        foreach (var m in municipalities)
        {
            var people = m.NumericCode is { } code && byCode.TryGetValue(code, out var n) ? n : 0;
            tree.Insert(m.Geometry.EnvelopeInternal, (PreparedGeometryFactory.Prepare(m.Geometry), m.Geometry.Area > 0 ? people / m.Geometry.Area : 0));
        }
        tree.Build();
        var factory = municipalities.FirstOrDefault()?.Geometry.Factory ?? new GeometryFactory();
        var cellArea = _cell * _cell;
        _prefix = new double[_rows][];
        for (var r = 0; r < _rows; r++)
        {
            var row = new double[_columns + 1];
            for (var c = 0; c < _columns; c++)
            {
                var centre = factory.CreatePoint(new Coordinate(_x0 + (c + 0.5) * _cell, _y0 + (r + 0.5) * _cell));
                var density = tree.Query(centre.EnvelopeInternal).Where(a => a.Area.Covers(centre)).Select(a => a.Density).FirstOrDefault();
                row[c + 1] = row[c] + density * cellArea;
            }
            _prefix[r] = row;
        }
        Total = _prefix.Sum(r => r[^1]);
    }

    /// <summary>Everyone on the raster (close to, not exactly, the national total: cells are assigned by their centres).</summary>
    public double Total { get; }

    public double CellSizeM => _cell;

    /// <summary>People in cells whose centres lie within <paramref name="radiusM"/> of (x, y).</summary>
    public double Within(double x, double y, double radiusM)
    {
        var sum = 0.0;
        var rowFrom = Math.Max(0, (int)Math.Floor((y - radiusM - _y0) / _cell));
        var rowTo = Math.Min(_rows - 1, (int)Math.Floor((y + radiusM - _y0) / _cell));
        for (var r = rowFrom; r <= rowTo; r++)
        {
            var dy = _y0 + (r + 0.5) * _cell - y;
            var half = radiusM * radiusM - dy * dy;
            if (half < 0) continue;
            var w = Math.Sqrt(half);
            // Columns whose centres x0 + (c + 0.5)·cell lie within [x − w, x + w].
            var from = Math.Max(0, (int)Math.Ceiling((x - w - _x0) / _cell - 0.5));
            var to = Math.Min(_columns - 1, (int)Math.Floor((x + w - _x0) / _cell - 0.5));
            if (to >= from)
                sum += _prefix[r][to + 1] - _prefix[r][from];
        }
        return sum;
    }
}
