using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using VeSiting.Bench;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;

namespace VeSiting.Benchmarks;

/// <summary>
/// Nearest covered plant (real register) for 200,000 synthetic dwellings: the grid engine against NetTopologySuite's
/// STR-tree, both on one thread, and the grid on all cores. Indexes are built in the setup, not timed.
/// </summary>
public class NearestPlantBenchmarks
{
    private double[] _x = [], _y = [];
    private NearestPlantGrid _grid = null!;
    private STRtree<Plant> _tree = null!;
    private GeometryFactory _factory = null!;
    private int[] _nearest = [];
    private double[] _distance = [];

    [GlobalSetup]
    public void Setup()
    {
        var covered = BenchData.CoveredPlants();
        (_x, _y) = BenchData.SyntheticDwellingPoints;
        _grid = new NearestPlantGrid(covered);
        _tree = new STRtree<Plant>();
        foreach (var p in covered) _tree.Insert(p.Geometry.EnvelopeInternal, p);
        _tree.Build();
        _factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        _nearest = new int[_x.Length];
        _distance = new double[_x.Length];
        if (Math.Abs(NtsStrTreeOneThread() - GridOneThread()) > 0.001 * _x.Length)
            throw new InvalidOperationException("the grid and the STR-tree disagree about nearest distances");
    }

    [Benchmark(Baseline = true)]
    public double NtsStrTreeOneThread()
    {
        var sum = 0.0;
        var measure = new PlantDistance();
        for (var i = 0; i < _x.Length; i++)
        {
            var point = _factory.CreatePoint(new Coordinate(_x[i], _y[i]));
            sum += _tree.NearestNeighbour(point.EnvelopeInternal, null!, measure).Geometry.Distance(point);
        }
        return sum;
    }

    [Benchmark]
    public double GridOneThread()
    {
        var sum = 0.0;
        for (var i = 0; i < _x.Length; i++)
            sum += _grid.Nearest(_x[i], _y[i]).DistanceM;
        return sum;
    }

    [Benchmark]
    public double GridNearestAllAllCores()
    {
        _grid.NearestAll(_x, _y, _nearest, _distance);
        return _distance[^1];
    }
}
