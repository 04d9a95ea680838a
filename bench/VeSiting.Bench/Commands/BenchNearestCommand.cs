using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;
using VeSiting.Stores.PostGis;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run nearest</c>: the nearest covered plant and scheme zone of every synthetic dwelling, timed for the
/// fast grid engine and its baselines (NetTopologySuite STR-tree; PostGIS KNN with --db) in one run, with medians,
/// ratios, an agreement check and peak memory, printed and merged into the --output file.
/// </summary>
public sealed class BenchNearestCommand(CliConsole console, DataContext data) : AsyncCommand<BenchNearestCommand.Settings>
{
    public sealed class Settings : SyntheticBenchSettings
    {
        [CommandOption("--baseline-runs <N>")]
        [Description("Runs of the NetTopologySuite STR-tree baseline (default 3).")]
        public int BaselineRuns { get; init; } = 3;

        [CommandOption("--postgis <CONNECTION>")]
        [Description("Also time PostGIS KNN (CROSS JOIN LATERAL … ORDER BY geom <-> … LIMIT 1) on a sample in this database (it creates and drops temporary tables).")]
        public string? PostGis { get; init; }

        [CommandOption("--postgis-sample <N>")]
        public int PostGisSample { get; init; } = 100_000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckRanges();
        var store = await data.LoadStoreAsync(settings, cancellationToken);
        var covered = store.Data.Plants.Where(p => p.Status == PlantStatus.Operating
            && (p is { Kind: PlantKind.WindTurbine, TotalHeightM: >= 25 } || p is { Kind: PlantKind.SolarPark, CapacityKw: >= 500 })).ToList();
        var (xs, ys, _) = SyntheticDwellings.Generate(store.Data.Municipalities, store.Data.Population, settings.Seed, total: settings.Dwellings);
        var n = xs.Length;
        Log($"{n:N0} synthetic dwellings (seed {settings.Seed}), {covered.Count:N0} covered plants, {Environment.ProcessorCount} cores");

        // Fast grid engine: nearest covered plant and its scheme zone for every dwelling.
        var clock = Stopwatch.StartNew();
        var grid = new NearestPlantGrid(covered);
        var build = clock.Elapsed;
        var nearest = new int[n];
        var distance = new double[n];
        var zones = new int[4];
        var gridTimes = new List<double>();
        for (var run = 0; run < settings.Runs; run++)
        {
            Array.Clear(zones);
            clock.Restart();
            grid.NearestAll(xs, ys, nearest, distance);
            for (var i = 0; i < n; i++)
            {
                var h = grid[nearest[i]].TotalHeightM ?? 0;
                var k = h > 0 ? distance[i] / h : double.PositiveInfinity;
                zones[k < 4 ? 0 : k <= 6 ? 1 : k <= 8 ? 2 : 3]++;
            }
            gridTimes.Add(clock.Elapsed.TotalSeconds);
        }
        Log($"grid: median {Percentiles.Median(gridTimes):0.000} s over {settings.Runs} runs (index built in {build.TotalMilliseconds:0} ms)");

        // Every dwelling within 8 × H of a covered turbine: the VE-bonus join.
        var turbines = covered.Where(p => p.Kind == PlantKind.WindTurbine).ToList();
        clock.Restart();
        var dwellingGrid = new PointGrid(xs, ys);
        var dwellingIndex = clock.Elapsed;
        var joinTimes = new List<double>();
        (long Pairs, int Dwellings) join = default;
        for (var run = 0; run < settings.Runs; run++)
        {
            clock.Restart();
            join = SchemeJoin.WithinMultipleOfHeight(turbines, dwellingGrid);
            joinTimes.Add(clock.Elapsed.TotalSeconds);
        }
        Log($"8 × H join: median {Percentiles.Median(joinTimes):0.000} s, {join.Pairs:N0} pairs, {join.Dwellings:N0} dwellings (dwelling grid built in {dwellingIndex.TotalMilliseconds:0} ms)");

        // Baseline: NetTopologySuite STR-tree nearest neighbour, all cores.
        var tree = new STRtree<Plant>();
        foreach (var p in covered) tree.Insert(p.Geometry.EnvelopeInternal, p);
        tree.Build();
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var treeTimes = new List<double>();
        var disagreements = 0;
        for (var run = 0; run < settings.BaselineRuns; run++)
        {
            var mismatches = 0;
            clock.Restart();
            Parallel.For(0, n, () => 0, (i, _, local) =>
            {
                var point = factory.CreatePoint(new Coordinate(xs[i], ys[i]));
                var found = tree.NearestNeighbour(point.EnvelopeInternal, null!, new PlantDistance());
                return Math.Abs(found.Geometry.Distance(point) - distance[i]) > 0.001 ? local + 1 : local;
            }, local => Interlocked.Add(ref mismatches, local));
            treeTimes.Add(clock.Elapsed.TotalSeconds);
            disagreements = mismatches;
        }
        Log($"NTS STR-tree: median {Percentiles.Median(treeTimes):0.000} s; distances that disagree with the grid by more than 1 mm: {disagreements}");

        // Optional: PostGIS KNN on a sample.
        (double Seconds, int Sample, int Disagree)? postgis = null;
        if (settings.PostGis is { } connection)
            postgis = await PostGisKnnAsync(connection, covered, xs, ys, distance, Math.Min(settings.PostGisSample, n), cancellationToken);

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var report = Report(settings, n, covered.Count, build, gridTimes, treeTimes, disagreements, zones, postgis, peakMb)
            + JoinReport(Percentiles.Median(joinTimes), join, dwellingIndex, turbines.Count, JoinBaseline);
        report += $"""

            ## {NotYetHeading}

            Nothing: every workload has a section in this file (bench nearest, bench tiles, bench/tiles-postgis.sh, bench/rate.sh, bench/micro.sh, bench/load.sh). Goals that were not met say so in their sections.

            """;
        console.Output.Write(report);
        if (settings.Output is { } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            // Keep the sections other tools maintain in the same file (bench/load.sh, bench/rate.sh, micro-benchmarks).
            var previous = File.Exists(output) ? await File.ReadAllTextAsync(output, cancellationToken) : "";
            await File.WriteAllTextAsync(output, ResultsMarkdown.Merge(previous, report, OwnedHeadings), cancellationToken);
            Log($"written to {output}");
        }
        return disagreements == 0 && (postgis is null || postgis.Value.Disagree == 0) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private void Log(string message) => console.Status.WriteLine(message);

    private const string NearestHeading = "Nearest covered plant and scheme zone for every dwelling";
    private const string JoinHeading = "Dwellings within 8 × H of any covered turbine (the VE-bonus join)";
    private const string NotYetHeading = "Not yet in this harness";

    /// <summary>The sections of bench/RESULTS.md this command writes; it keeps every other one.</summary>
    private static readonly string[] OwnedHeadings = [NearestHeading, JoinHeading, NotYetHeading];

    /// <summary>PostGIS's 8 × H join on the sample: seconds, its pairs, and the grid's pairs on the same sample.</summary>
    private (double Seconds, long Pairs, long GridPairs)? JoinBaseline { get; set; }

    private async Task<(double, int, int)> PostGisKnnAsync(string connectionString, List<Plant> covered, double[] xs, double[] ys, double[] distance, int sample, CancellationToken cancellationToken)
    {
        await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("""
            CREATE EXTENSION IF NOT EXISTS postgis;
            CREATE TEMP TABLE bench_plants (i integer, h double precision, turbine boolean, geom geometry(Geometry, 25832));
            """, connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await connection.ReloadTypesAsync(cancellationToken); // the extension may be new to this database
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_plants (i, h, turbine, geom) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < covered.Count; i++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(covered[i].TotalHeightM ?? 0, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(covered[i].Kind == PlantKind.WindTurbine, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(covered[i].Geometry, NpgsqlDbType.Geometry, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await BenchDwellingsTable.CreateAsync(connection, xs, ys, sample, cancellationToken);
        await using (var index = new NpgsqlCommand("CREATE INDEX ON bench_plants USING gist (geom); ANALYZE bench_plants;", connection))
            await index.ExecuteNonQueryAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var disagree = 0;
        await using (var knn = new NpgsqlCommand("""
            SELECT d.i, n.dist FROM bench_dwellings d
            CROSS JOIN LATERAL (SELECT ST_Distance(p.geom, d.geom) AS dist FROM bench_plants p ORDER BY p.geom <-> d.geom LIMIT 1) n
            """, connection))
        await using (var reader = await knn.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Math.Abs(reader.GetDouble(1) - distance[reader.GetInt32(0)]) > 0.001)
                    disagree++;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Log($"PostGIS KNN: {seconds:0.000} s for {sample:N0} dwellings ({seconds / sample * xs.Length:0.0} s extrapolated to all); disagreements: {disagree}");

        clock.Restart();
        long postgisPairs;
        await using (var dwithin = new NpgsqlCommand("""
            SELECT count(*) FROM bench_plants p JOIN bench_dwellings d ON p.turbine AND ST_DWithin(p.geom, d.geom, 8 * p.h)
            """, connection))
            postgisPairs = (long)(await dwithin.ExecuteScalarAsync(cancellationToken))!;
        var joinSeconds = clock.Elapsed.TotalSeconds;
        var ours = SchemeJoin.WithinMultipleOfHeight(covered.Where(p => p.Kind == PlantKind.WindTurbine).ToList(), new PointGrid(xs[..sample], ys[..sample])).Pairs;
        Log($"PostGIS ST_DWithin 8 × H join on the sample: {joinSeconds:0.000} s, {postgisPairs:N0} pairs (grid on the same sample: {ours:N0})");
        JoinBaseline = (joinSeconds, postgisPairs, ours);
        return (seconds, sample, disagree);
    }

    private static string Report(Settings s, int n, int plants, TimeSpan build, List<double> grid, List<double> tree, int disagreements, int[] zones,
        (double Seconds, int Sample, int Disagree)? postgis, double peakMb)
    {
        var g = Percentiles.Median(grid);
        var t = Percentiles.Median(tree);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {NearestHeading}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `bench/run nearest --dwellings {s.Dwellings} --runs {s.Runs} --baseline-runs {s.BaselineRuns}{(s.PostGis is null ? "" : $" --postgis \"…\" --postgis-sample {s.PostGisSample}")}{(s.Output is null ? "" : $" --output {s.Output}")}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Input: {n:N0} **synthetic** dwellings (seed {s.Seed}; municipal population / 2.13 persons per dwelling, uniform in each municipality), {plants:N0} covered plants in operation (wind ≥ 25 m total height, solar ≥ 500 kW) from the real register.");
        text.AppendLine();
        text.AppendLine("| engine | median | runs | vs. grid |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| VeSiting grid (`NearestPlantGrid`, all cores, exact distances) | {g:0.000} s | {grid.Count} | 1.0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| NetTopologySuite STR-tree nearest neighbour, all cores | {t:0.000} s | {tree.Count} | {t / g:0.0} × slower |");
        if (postgis is { } p)
        {
            var all = p.Seconds / p.Sample * n;
            text.AppendLine(CultureInfo.InvariantCulture, $"| PostGIS `CROSS JOIN LATERAL … ORDER BY geom <-> … LIMIT 1`, one session, {p.Sample:N0} dwellings | {p.Seconds:0.000} s ({all:0.0} s scaled to {n:N0}) | 1 | {all / g:0} × slower |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Grid index built in {build.TotalMilliseconds:0} ms. Agreement: {disagreements} STR-tree distances and {(postgis is { } q ? q.Disagree.ToString(CultureInfo.InvariantCulture) : "–")} PostGIS distances differ from the grid's by more than 1 mm.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Zones of the nearest covered turbine: < 4 × H {zones[0]:N0}; 4–6 × H {zones[1]:N0}; 6–8 × H {zones[2]:N0}; beyond {zones[3]:N0}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Peak working set of the process: {peakMb:0} MB.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Grid runs (s): {string.Join(", ", grid.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}; STR-tree runs (s): {string.Join(", ", tree.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}.");
        return text.ToString();
    }

    private static string JoinReport(double seconds, (long Pairs, int Dwellings) join, TimeSpan index, int turbines, (double Seconds, long Pairs, long GridPairs)? postgis)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"## {JoinHeading}");
        text.AppendLine();
        text.AppendLine("| engine | median | pairs | dwellings |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| VeSiting `SchemeJoin` over a `PointGrid` of the same synthetic dwellings, {turbines:N0} turbines, all cores | {seconds:0.000} s (+ {index.TotalMilliseconds:0} ms to index the dwellings once) | {join.Pairs:N0} | {join.Dwellings:N0} |");
        if (postgis is { } p)
            text.AppendLine(CultureInfo.InvariantCulture, $"| PostGIS `ST_DWithin(p.geom, d.geom, 8 * p.h)` join, one session, on the KNN sample | {p.Seconds:0.000} s | {p.Pairs:N0} (grid on the same sample: {p.GridPairs:N0}) | – |");
        return text.ToString();
    }
}
