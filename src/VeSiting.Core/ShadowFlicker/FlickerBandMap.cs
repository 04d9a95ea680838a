namespace VeSiting.Core.ShadowFlicker;

/// <summary>A flicker band's outline (EPSG:25832): <c>flicker</c> where any worst-case flicker falls, <c>over-limit</c> where the expected hours exceed the recommendation.</summary>
public sealed record FlickerBandOutline(string Band, Geometry Area);

/// <summary>The flicker of a grid of points and its bands.</summary>
public sealed record FlickerBandMapResult(GridFrame Frame, float[] WorstCaseHours, float[] ExpectedHours, IReadOnlyList<FlickerBandOutline> Bands);

/// <summary>
/// Shadow flicker over an area, as the calculation for a dwelling gives it at the centre of every grid cell within some
/// turbine's maximum distance (the convention's, from the rotor diameter), shared out over the cores. Coarser than the noise
/// grid: each point is a year of minutes.
/// </summary>
public static class FlickerBandMap
{
    public const string Flicker = "flicker", OverLimit = "over-limit";

    /// <summary>The bands at cells of <paramref name="cellM"/>, coarsened (doubled) until at most <paramref name="maxCells"/> cells; null without turbines.</summary>
    public static FlickerBandMapResult? Compute(ShadowFlickerCalculator calculator, IReadOnlyList<FlickerTurbine> turbines, int year, Envelope focus, double cellM, long maxCells,
        GeometryFactory factory, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        if (turbines.Count == 0)
            return null;
        var conventions = calculator.Conventions;
        var box = new Envelope();
        foreach (var t in turbines)
        {
            var r = conventions.MaxDistance(t.RotorDiameter);
            box.ExpandToInclude(new Envelope(t.Easting - r, t.Easting + r, t.Northing - r, t.Northing + r));
        }
        if (GridFrame.Covering(box, focus, cellM, maxCells) is not { } frame)
            return null;
        var n = (int)frame.Cells;
        var worst = new float[n];
        var expected = new float[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            var (x, y) = (frame.CentreX(i % frame.Columns), frame.CentreY(i / frame.Columns));
            if (!turbines.Any(t => (t.Easting - x) * (t.Easting - x) + (t.Northing - y) * (t.Northing - y) <= Square(conventions.MaxDistance(t.RotorDiameter) * 1.01)))
                return;
            var f = calculator.ForDwelling(new FlickerReceptor("", x, y), turbines, year);
            worst[i] = (float)f.WorstCaseHours;
            expected[i] = (float)f.ExpectedHours;
        });
        var limit = conventions.MaxExpectedHoursPerYear;
        return new FlickerBandMapResult(frame, worst, expected,
        [
            new(Flicker, GridOutline.Polygons(frame, i => worst[i] > 0, factory)),
            new(OverLimit, GridOutline.Polygons(frame, i => expected[i] > limit, factory)),
        ]);
    }

    private static double Square(double v) => v * v;
}
