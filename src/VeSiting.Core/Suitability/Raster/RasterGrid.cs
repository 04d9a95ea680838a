namespace VeSiting.Core.Suitability.Raster;

/// <summary>
/// A north-up grid in EPSG:25832: <see cref="West"/> and <see cref="North"/> are the outer edges, row 0 is the
/// northernmost row. Laid out as <see cref="CandidateGrid"/> lays out its cells (origin at multiples of the cell size
/// below the extent's minimum, cells while their west/south edge is below the extent's maximum), so that cell ids agree.
/// </summary>
public sealed record RasterGrid(double West, double North, double CellSize, int Columns, int Rows)
{
    public long Count => (long)Columns * Rows;

    public double South => North - Rows * CellSize;

    public double CentreX(int column) => West + (column + 0.5) * CellSize;

    public double CentreY(int row) => North - (row + 0.5) * CellSize;

    /// <summary>The id <see cref="CandidateGrid"/> gives the cell: its south-west corner in metres.</summary>
    public string CellId(int column, int row) => $"{West + column * CellSize:0}_{North - (row + 1) * CellSize:0}";

    /// <summary>Grids below this many cells are computed on one thread: their work is smaller than what handing rows to other threads costs on a busy machine.</summary>
    public const long ParallelFromCells = 1_000_000;

    /// <summary>How loops over this grid's rows run: on all cores for large grids, on the calling thread for small ones.</summary>
    public ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Count < ParallelFromCells ? 1 : -1 };

    /// <summary>The cell containing (x, y), or null outside the grid.</summary>
    public (int Column, int Row)? CellAt(double x, double y)
    {
        var c = (int)Math.Floor((x - West) / CellSize);
        var r = (int)Math.Floor((North - y) / CellSize);
        return c >= 0 && c < Columns && r >= 0 && r < Rows ? (c, r) : null;
    }

    public static RasterGrid Over(Envelope extent, double cellSize)
    {
        if (!(cellSize >= 100))
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "the cell size must be at least 100 m");
        if (extent.IsNull)
            return new RasterGrid(0, 0, cellSize, 0, 0);
        var west = Math.Floor(extent.MinX / cellSize) * cellSize;
        var south = Math.Floor(extent.MinY / cellSize) * cellSize;
        var columns = (int)Math.Ceiling((extent.MaxX - west) / cellSize);
        var rows = (int)Math.Ceiling((extent.MaxY - south) / cellSize);
        return new RasterGrid(west, south + rows * cellSize, cellSize, Math.Max(columns, 1), Math.Max(rows, 1));
    }
}
