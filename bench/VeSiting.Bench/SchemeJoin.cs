using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Bench;

/// <summary>
/// Every (plant, dwelling) pair within the VE-bonus reach: 8 × H of a covered turbine (turbine points), on all cores.
/// Returns the number of pairs and of distinct dwellings reached.
/// </summary>
public static class SchemeJoin
{
    public static (long Pairs, int Dwellings) WithinMultipleOfHeight(IReadOnlyList<Plant> turbines, PointGrid dwellings, double k = 8)
    {
        var reached = new int[dwellings.Count];
        long pairs = 0;
        Parallel.For(0, turbines.Count, () => 0L, (t, _, local) =>
        {
            var turbine = turbines[t];
            if (turbine.TotalHeightM is not { } h || turbine.Geometry is not NetTopologySuite.Geometries.Point p)
                return local;
            var state = (Reached: reached, Count: 0L);
            dwellings.Within(p.X, p.Y, k * h, ref state, static (i, _, ref s) =>
            {
                s.Count++;
                Interlocked.Exchange(ref s.Reached[i], 1);
            });
            return local + state.Count;
        }, local => Interlocked.Add(ref pairs, local));
        return (pairs, reached.Count(r => r == 1));
    }
}
