namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// Points sorted into square cells by a counting sort: <see cref="Order"/> lists the point indexes cell by cell, a cell's
/// points are <see cref="Range"/>, and <see cref="Occupied"/> the cells that hold any. EPSG:25832 metres.
/// </summary>
internal sealed class PointCells
{
    private readonly int[] _start;
    private readonly int _columns;
    private readonly double _minX, _minY;

    private PointCells(double size, double minX, double minY, int columns, int[] start, int[] order, int[] occupied)
    {
        (Size, _minX, _minY, _columns, _start, Order, Occupied) = (size, minX, minY, columns, start, order, occupied);
    }

    public double Size { get; }
    public int[] Order { get; }
    public int[] Occupied { get; }

    public (int Start, int End) Range(int cell) => (_start[cell], _start[cell + 1]);

    /// <summary>The cell's lower-left corner.</summary>
    public (double X, double Y) Corner(int cell) => (_minX + cell % _columns * Size, _minY + cell / _columns * Size);

    public static PointCells Of(double[] x, double[] y, double size)
    {
        var n = x.Length;
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            if (x[i] < minX) minX = x[i];
            if (x[i] > maxX) maxX = x[i];
            if (y[i] < minY) minY = y[i];
            if (y[i] > maxY) maxY = y[i];
        }
        var columns = (int)((maxX - minX) / size) + 1;
        var rows = (int)((maxY - minY) / size) + 1;
        var start = new int[columns * rows + 1];
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = (int)((y[i] - minY) / size) * columns + (int)((x[i] - minX) / size);
            start[cellOf[i] + 1]++;
        }
        var occupiedCount = 0;
        for (var c = 1; c < start.Length; c++)
        {
            if (start[c] > 0) occupiedCount++;
            start[c] += start[c - 1];
        }
        var occupied = new int[occupiedCount];
        for (int c = 0, k = 0; c < start.Length - 1; c++)
        {
            if (start[c + 1] > start[c]) occupied[k++] = c;
        }
        var order = new int[n];
        var fill = (int[])start.Clone();
        for (var i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;
        return new PointCells(size, minX, minY, columns, start, order, occupied);
    }
}
