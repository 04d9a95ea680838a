using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using VeSiting.Core.Assessments;
using VeSiting.Core.Spatial;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Benchmarks;

/// <summary>
/// One point site assessment (what GET /api/assess/site computes, without HTTP and JSON) on the embedded store,
/// against its floor: only the two store queries an assessment makes (plants within 2.5 km, nearest plants).
/// Each operation is one of 64 random points within Denmark's bounding box (as bench/load.sh draws them).
/// </summary>
public class SiteAssessmentBenchmarks
{
    private const int Points = 64;
    private Point[] _points = [];
    private SiteAssessor _assessor = null!;
    private AssessmentContext _context = null!;
    private ConsumptionProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = BenchData.Store;
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var today = new DateOnly(2026, 6, 1);
        var year = library.PriceStacks.Keys.Where(y => y <= today.Year).DefaultIfEmpty(library.PriceStacks.Keys.Min()).Max();
        _context = new AssessmentContext(store, library.Rules, library.PriceStack(year), library.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), today);
        _assessor = new SiteAssessor(_context);
        _profile = library.Profile("household");
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var random = new Random(42);
        _points = Enumerable.Range(0, Points)
            .Select(_ => factory.CreatePoint(new Coordinate(random.Next(450_000, 720_000), random.Next(6_080_000, 6_350_000)))).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points)]
    public async Task<int> StoreQueriesOnly()
    {
        var found = 0;
        foreach (var point in _points)
        {
            found += (await _context.Store.PlantsWithinAsync(point, _context.SchemeSearchRadiusM, AssessmentContext.Candidates)).Count;
            found += (await _context.Store.NearestPlantsAsync(point, AssessmentContext.Candidates, 10)).Count;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public async Task<int> AssessSite()
    {
        var found = 0;
        foreach (var point in _points)
            found += (await _assessor.AssessAsync(point, "benchmark point", _profile)).Plants.Count;
        return found;
    }
}
