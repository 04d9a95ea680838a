using System.Numerics;
using System.Runtime.CompilerServices;

namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// The population raster of <see cref="PopulationRaster"/> (each municipality's people spread over its area, 1 km cells
/// assigned by their centres, row prefix sums), laid out the same way but burnt by scanline rather than tested cell by
/// cell. People within a radius of every cell of a grid come either as the per-cell engine sums them (a grid of the
/// lattice's own cells: the same prefix sums added in the same order, so the same numbers) or by radius sums over the
/// lattice's cells as weighted points (any other grid).
/// </summary>
internal sealed class PopulationLattice
{
    private readonly RasterGrid _lattice;
    private readonly double[][] _prefix; // south row first, as PopulationRaster keeps them
    private readonly double[] _people;   // per lattice cell, north row first

    public PopulationLattice(IReadOnlyList<AdminArea> municipalities, IReadOnlyList<MunicipalityPopulation> population, CancellationToken cancellationToken)
    {
        const double cell = RasterSitingEngine.PopulationCellM;
        var extent = new Envelope();
        foreach (var m in municipalities) extent.ExpandToInclude(m.Geometry.EnvelopeInternal);
        if (extent.IsNull)
            extent = new Envelope(0, 1, 0, 1);
        var west = Math.Floor(extent.MinX / cell) * cell;
        var south = Math.Floor(extent.MinY / cell) * cell;
        var columns = (int)Math.Ceiling((extent.MaxX - west) / cell) + 1;
        var rows = (int)Math.Ceiling((extent.MaxY - south) / cell) + 1;
        _lattice = new RasterGrid(west, south + rows * cell, cell, columns, rows);
        var byCode = population.GroupBy(p => p.MunicipalityCode).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Period)!.Population);
        var density = municipalities.Select(m => m.NumericCode is { } code && byCode.TryGetValue(code, out var n) && m.Geometry.Area > 0 ? n / m.Geometry.Area : 0).ToArray();
        var burnt = PolygonRasteriser.Burn(_lattice, municipalities.Select(m => m.Geometry).ToList(), cancellationToken);
        var cellArea = cell * cell;
        _people = new double[_lattice.Count];
        _prefix = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            var north = rows - 1 - r;
            var row = new double[columns + 1];
            for (var c = 0; c < columns; c++)
            {
                var m = burnt[(long)north * columns + c];
                var people = m >= 0 ? density[m] * cellArea : 0;
                _people[(long)north * columns + c] = people;
                row[c + 1] = row[c] + people;
            }
            _prefix[r] = row;
        }
    }

    /// <summary>People within <paramref name="radiusM"/> of every cell centre of <paramref name="grid"/>, rounded to whole people.</summary>
    public float[] Within(RasterGrid grid, double radiusM, CancellationToken cancellationToken)
    {
        var band = new float[grid.Count];
        var (a, b) = ((grid.West - _lattice.West) / _lattice.CellSize, (_lattice.North - grid.North) / _lattice.CellSize);
        if (grid.CellSize == _lattice.CellSize && a == Math.Floor(a) && b == Math.Floor(b))
            SameCells(grid, radiusM, band, cancellationToken);
        else
            RadiusSums.Sum(grid, AsPoints(radiusM), RadiusKernel.ClosedDisc, band, Math.Round, cancellationToken);
        return band;
    }

    /// <summary>
    /// A grid of the lattice's own cells: <see cref="PopulationRaster.Within"/> for every centre, with each lattice row's
    /// column span worked out once per grid row (the centres of a row are whole cells apart, so the span moves one column
    /// with each cell).
    /// </summary>
    private void SameCells(RasterGrid grid, double radiusM, float[] band, CancellationToken cancellationToken)
    {
        var cell = _lattice.CellSize;
        var x0 = _lattice.West;
        var y0 = _lattice.South;
        var rows = _prefix.Length;
        var columns = _lattice.Columns;
        Parallel.For(0, grid.Rows, grid.Parallelism(cancellationToken), () => new double[grid.Columns], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (gr, _, sums) =>
        {
            Array.Clear(sums);
            var y = grid.CentreY(gr);
            var x = grid.CentreX(0);
            var rowFrom = Math.Max(0, (int)Math.Floor((y - radiusM - y0) / cell));
            var rowTo = Math.Min(rows - 1, (int)Math.Floor((y + radiusM - y0) / cell));
            for (var r = rowFrom; r <= rowTo; r++)
            {
                var dy = y0 + (r + 0.5) * cell - y;
                var half = radiusM * radiusM - dy * dy;
                if (half < 0) continue;
                var w = Math.Sqrt(half);
                // The span for the grid's first column, exactly as PopulationRaster.Within computes it; column c shifts it by c.
                var from = (int)Math.Ceiling((x - w - x0) / cell - 0.5);
                var to = (int)Math.Floor((x + w - x0) / cell - 0.5);
                var prefix = _prefix[r];
                // Columns whose span lies wholly inside the lattice need no clamping.
                var inFrom = Math.Min(sums.Length, Math.Max(0, -from));
                var inTo = Math.Max(inFrom, Math.Min(sums.Length, columns - 1 - to + 1));
                for (var c = 0; c < inFrom; c++) AddClamped(c);
                AddSpans(sums.AsSpan(inFrom, inTo - inFrom), prefix.AsSpan(to + 1 + inFrom, inTo - inFrom), prefix.AsSpan(from + inFrom, inTo - inFrom));
                for (var c = inTo; c < sums.Length; c++) AddClamped(c);

                void AddClamped(int c)
                {
                    var f = Math.Max(0, from + c);
                    var t = Math.Min(columns - 1, to + c);
                    if (t >= f)
                        sums[c] += prefix[t + 1] - prefix[f];
                }
            }
            var offset = (long)gr * grid.Columns;
            for (var c = 0; c < sums.Length; c++) band[offset + c] = (float)Math.Round(sums[c]);
            return sums;
        }, _ => { });
    }

    /// <summary>sums[i] += high[i] − low[i], several at a time (the same arithmetic as one at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddSpans(Span<double> sums, ReadOnlySpan<double> high, ReadOnlySpan<double> low)
    {
        var i = 0;
        for (; i <= sums.Length - Vector<double>.Count; i += Vector<double>.Count)
            (new Vector<double>(sums[i..]) + (new Vector<double>(high[i..]) - new Vector<double>(low[i..]))).CopyTo(sums[i..]);
        for (; i < sums.Length; i++)
            sums[i] += high[i] - low[i];
    }

    /// <summary>The lattice's peopled cells as weighted points for radius sums.</summary>
    private RadiusSums.RadiusLayer AsPoints(double radiusM)
    {
        var count = _people.Count(p => p > 0);
        var (xs, ys, radii, weights) = (new double[count], new double[count], new double[count], new double[count]);
        var k = 0;
        for (var r = 0; r < _lattice.Rows; r++)
        {
            for (var c = 0; c < _lattice.Columns; c++)
            {
                var people = _people[(long)r * _lattice.Columns + c];
                if (people > 0)
                    (xs[k], ys[k], radii[k], weights[k++]) = (_lattice.CentreX(c), _lattice.CentreY(r), radiusM, people);
            }
        }
        return new RadiusSums.RadiusLayer(xs, ys, radii, weights);
    }
}
