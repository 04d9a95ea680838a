using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using VeSiting.Bench;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Benchmarks;

/// <summary>
/// Every (turbine, dwelling) pair within 8 × H of a covered turbine (the VE-bonus join) over 200,000 synthetic
/// dwellings: SchemeJoin over a PointGrid against an STR-tree of the dwellings queried by each turbine's square
/// and filtered by exact distance. Both on all cores; both indexes built in the setup.
/// </summary>
public class SchemeJoinBenchmarks
{
    private const double K = 8;
    private List<Plant> _turbines = [];
    private PointGrid _grid = null!;
    private STRtree<int> _tree = null!;
    private double[] _x = [], _y = [];

    [GlobalSetup]
    public void Setup()
    {
        _turbines = BenchData.CoveredPlants().Where(p => p.Kind == PlantKind.WindTurbine).ToList();
        (_x, _y) = BenchData.SyntheticDwellingPoints;
        _grid = new PointGrid(_x, _y);
        _tree = new STRtree<int>();
        for (var i = 0; i < _x.Length; i++) _tree.Insert(new Envelope(_x[i], _x[i], _y[i], _y[i]), i);
        _tree.Build();
        if (NtsStrTreeAllCores() != SchemeJoinGridAllCores())
            throw new InvalidOperationException("the grid join and the STR-tree join disagree");
    }

    [Benchmark(Baseline = true)]
    public (long Pairs, int Dwellings) NtsStrTreeAllCores()
    {
        var reached = new int[_x.Length];
        long pairs = 0;
        Parallel.For(0, _turbines.Count, () => 0L, (t, _, local) =>
        {
            if (_turbines[t].TotalHeightM is not { } h || _turbines[t].Geometry is not Point p)
                return local;
            var r = K * h;
            foreach (var i in _tree.Query(new Envelope(p.X - r, p.X + r, p.Y - r, p.Y + r)))
            {
                var dx = _x[i] - p.X;
                var dy = _y[i] - p.Y;
                if (dx * dx + dy * dy <= r * r)
                {
                    local++;
                    Interlocked.Exchange(ref reached[i], 1);
                }
            }
            return local;
        }, local => Interlocked.Add(ref pairs, local));
        return (pairs, reached.Count(r => r == 1));
    }

    [Benchmark]
    public (long Pairs, int Dwellings) SchemeJoinGridAllCores() => SchemeJoin.WithinMultipleOfHeight(_turbines, _grid, K);
}
