using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Projects;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;
using VeSiting.Stores.PostGis;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run projects</c>: every synthetic national dwelling → the projects whose VE-bonus reaches it, each
/// dwelling once per project, caps applied (<see cref="ProjectHouseholdJoin"/>), timed against a PostGIS join on the
/// same dwellings and turbines in the same run (with --postgis), counts compared per project.
/// </summary>
public sealed class BenchProjectsCommand(CliConsole console, DataContext data) : AsyncCommand<BenchProjectsCommand.Settings>
{
    public sealed class Settings : SyntheticBenchSettings
    {
        [CommandOption("--postgis <CONNECTION>")]
        [Description("Also run the join in PostGIS (ST_DWithin … GROUP BY project, count(DISTINCT dwelling)) in this database; it creates temporary tables.")]
        public string? PostGis { get; init; }
    }

    private const string Heading = "Dwellings → projects (VE-bonus per project, caps applied)";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckRanges();
        var store = await data.LoadStoreAsync(settings, cancellationToken);
        var library = RuleContext.LoadLibrary([]);
        var rules = new SchemeDistanceBook(library.Rules, DateOnly.FromDateTime(DateTime.Today));
        var (xs, ys, _) = SyntheticDwellings.Generate(store.Data.Municipalities, store.Data.Population, settings.Seed, total: settings.Dwellings);
        var grid = new PointGrid(xs, ys);
        Log($"{xs.Length:N0} synthetic dwellings (seed {settings.Seed}), {store.Data.Plants.Count:N0} plants, {Environment.ProcessorCount} cores");

        var times = new List<double>();
        (IReadOnlyList<ProjectReachCount> Projects, long Pairs, int Reached) result = ([], 0, 0);
        for (var run = 0; run < settings.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            result = ProjectHouseholdJoin.Run(store.Data.Plants, grid, rules);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        var median = Percentiles.Median(times);
        var capped = result.Projects.Count(p => p.Capped);
        Log($"join: median {median:0.000} s; {result.Projects.Count:N0} projects reach {result.Reached:N0} dwellings ({result.Pairs:N0} dwelling–project pairs); {capped:N0} capped");

        (double Seconds, long Pairs, int Disagreeing)? postgis = null;
        if (settings.PostGis is { } connection)
            postgis = await PostGisAsync(connection, store.Data.Plants, rules, xs, ys, result.Projects, cancellationToken);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Heading}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `bench/run projects --dwellings {settings.Dwellings} --runs {settings.Runs}{(settings.PostGis is null ? "" : " --postgis \"…\"")}{(settings.Output is null ? "" : $" --output {settings.Output}")}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Input: {xs.Length:N0} **synthetic** dwellings (seed {settings.Seed}), the real register's covered turbines grouped into projects (register, user or inferred), VE-bonus distance of each project's permit period.");
        text.AppendLine();
        text.AppendLine("| engine | time | projects reaching dwellings | dwelling–project pairs | goal |");
        text.AppendLine("|---|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| `ProjectHouseholdJoin` (grid, all cores; median of {settings.Runs}) | {median:0.000} s | {result.Projects.Count:N0} ({capped:N0} capped) | {result.Pairs:N0} | ≤ 1 s: {(median <= 1 ? "met" : "not met")} |");
        if (postgis is { } p)
            text.AppendLine(CultureInfo.InvariantCulture, $"| PostGIS `ST_DWithin` join, `count(DISTINCT dwelling)` per project, same data | {p.Seconds:0.000} s | – | {p.Pairs:N0}; projects whose count differs: {p.Disagreeing} | baseline |");
        text.AppendLine();
        console.Output.Write(text.ToString());
        if (settings.Output is { } output)
        {
            await ResultsMarkdown.WriteSectionAsync(output, Heading, text.ToString(), cancellationToken);
            Log($"results: {output}");
        }
        return ExitCodes.Ok;
    }

    private async Task<(double, long, int)> PostGisAsync(string connectionString, IReadOnlyList<Plant> plants, SchemeDistanceBook rules, double[] xs, double[] ys,
        IReadOnlyList<ProjectReachCount> ours, CancellationToken cancellationToken)
    {
        var reaches = plants.Where(p => p is { Kind: PlantKind.WindTurbine, Geometry: Point, TotalHeightM: > 0 } && rules.IsCovered(p))
            .GroupBy(PlantProject.KeyOf)
            .SelectMany(g => rules.Rules.Find(Schemes.VeBonus, PermitBasis.ForProject(g.ToList(), rules.Today).Date ?? rules.Today) is { } set
                ? g.Select(m => (Project: g.Key, m.Geometry, Reach: set["windMultipleOfH"].Value * m.TotalHeightM!.Value))
                : [])
            .ToList();
        await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("""
            CREATE EXTENSION IF NOT EXISTS postgis;
            CREATE TEMP TABLE bench_turbines (project text, reach double precision, geom geometry(Point, 25832));
            """, connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await connection.ReloadTypesAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_turbines (project, reach, geom) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (project, geometry, reach) in reaches)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(project, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(reach, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(geometry, NpgsqlDbType.Geometry, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await BenchDwellingsTable.CreateAsync(connection, xs, ys, xs.Length, cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE bench_turbines;", connection))
            await analyze.ExecuteNonQueryAsync(cancellationToken);

        var clock = Stopwatch.StartNew();
        var theirs = new Dictionary<string, int>();
        await using (var join = new NpgsqlCommand("""
            SELECT t.project, count(DISTINCT d.i) FROM bench_turbines t JOIN bench_dwellings d ON ST_DWithin(t.geom, d.geom, t.reach) GROUP BY t.project
            """, connection))
        await using (var reader = await join.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                theirs[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var mine = ours.ToDictionary(p => p.ProjectId, p => p.Dwellings);
        var disagreeing = mine.Keys.Union(theirs.Keys).Count(k => mine.GetValueOrDefault(k) != theirs.GetValueOrDefault(k));
        Log($"PostGIS join: {seconds:0.000} s, {theirs.Values.Sum():N0} pairs; projects whose count differs: {disagreeing}");
        return (seconds, theirs.Values.Sum(v => (long)v), disagreeing);
    }

    private void Log(string message) => console.Status.WriteLine(message);

}
