using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;
using VeSiting.Core.Tiles;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run tiles</c>: the densest z14 tile of the synthetic national dwelling set, encoded in-process by
/// the point-layer writer the service uses and by PostGIS ST_AsMVT (with --postgis) in the same run, with medians,
/// ratios and feature counts checked against each other, printed and written to the "## Tiles" section of the --output file.
/// </summary>
public sealed class BenchTilesCommand(CliConsole console, DataContext data) : AsyncCommand<BenchTilesCommand.Settings>
{
    public const int Zoom = 14;

    public sealed class Settings : DataSettings
    {
        [CommandOption("--dwellings <N>")]
        public int Dwellings { get; init; } = 2_800_000;

        [CommandOption("--seed <SEED>")]
        public int Seed { get; init; } = 42;

        [CommandOption("--runs <N>")]
        [Description("Timed runs of each engine after one untimed warm-up (default 21).")]
        public int Runs { get; init; } = 21;

        [CommandOption("--previous-runs <N>")]
        [Description("Runs of the previous NetTopologySuite encoder path (default 5).")]
        public int PreviousRuns { get; init; } = 5;

        [CommandOption("--postgis <CONNECTION>")]
        [Description("Also time PostGIS ST_AsMVT in this database (it loads the points into a temporary table).")]
        public string? PostGis { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Markdown file to merge the results into (e.g. bench/RESULTS.md); without it they are only printed.")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Dwellings < 1 || settings.Runs < 1 || settings.PreviousRuns < 0)
            throw new UsageException("--dwellings and --runs must be positive");
        var store = await data.LoadStoreAsync(settings, cancellationToken);
        var (xs, ys, _) = SyntheticDwellings.Generate(store.Data.Municipalities, store.Data.Population, settings.Seed, total: settings.Dwellings);
        Log($"{xs.Length:N0} synthetic dwellings (seed {settings.Seed}), {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var (tx, ty, densest) = DensestTile(xs, ys);
        Log($"densest z{Zoom} tile: {Zoom}/{tx}/{ty} with {densest:N0} points (found in {clock.Elapsed.TotalSeconds:0.00} s)");
        var tile = new MercatorTile(Zoom, tx, ty);

        clock.Restart();
        var grid = new PointGrid(xs, ys);
        var gridBuild = clock.Elapsed;
        var (ours, oursCount) = PointGridTile.Encode(grid, tile, "dwellings");
        var oursTimes = Time(settings.Runs, () => PointGridTile.Encode(grid, tile, "dwellings"));
        Log($"VeSiting point-layer writer: median {Percentiles.Median(oursTimes):0.000} ms, {oursCount:N0} points, {ours.Length:N0} bytes");

        var previous = NtsPointTiles.Encode(grid, tile, "dwellings");
        var previousTimes = Time(settings.PreviousRuns, () => NtsPointTiles.Encode(grid, tile, "dwellings"));
        Log($"previous NetTopologySuite path: median {Percentiles.Median(previousTimes):0.000} ms");

        PostGisFigures? postgis = null;
        if (settings.PostGis is { } connection)
        {
            var (tiles, load) = await PostGisPointTiles.LoadAsync(connection, xs, ys, cancellationToken);
            await using (tiles)
            {
                Log($"PostGIS: {xs.Length:N0} points copied and indexed in {load.TotalSeconds:0.0} s");
                var (bytes, _) = await tiles.TileAsync(Zoom, tx, ty, cancellationToken);
                var times = new List<double>();
                for (var run = 0; run < settings.Runs; run++)
                    times.Add((await tiles.TileAsync(Zoom, tx, ty, cancellationToken)).Milliseconds);
                postgis = new PostGisFigures(times, Count(bytes, tile), bytes.Length, load, bytes.AsSpan().SequenceEqual(ours));
                Log($"PostGIS ST_AsMVT: median {Percentiles.Median(times):0.000} ms, {postgis.Count:N0} points, {bytes.Length:N0} bytes");
            }
        }

        var counts = new Counts(densest, oursCount, Count(ours, tile), Count(previous, tile), postgis?.Count);
        var section = Report(settings, xs.Length, tile, gridBuild, oursTimes, ours.Length, previousTimes, postgis, counts);
        console.Output.Write(section);
        if (settings.Output is { } output)
        {
            await ResultsMarkdown.WriteSectionAsync(output, "Tiles", section, cancellationToken);
            Log($"written to {output}");
        }
        var agree = counts.Decoded == counts.Encoded && (counts.PostGis is null || counts.PostGis == counts.Encoded);
        return agree ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private sealed record PostGisFigures(List<double> Times, int Count, int Bytes, TimeSpan Load, bool Identical);

    private sealed record Counts(int InTile, int Encoded, int Decoded, int Previous, int? PostGis);

    private void Log(string message) => console.Status.WriteLine(message);

    /// <summary>The z14 tile holding the most points, by projecting every point.</summary>
    private static (int X, int Y, int Count) DensestTile(double[] xs, double[] ys)
    {
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < xs.Length; i++)
        {
            var (x, y) = MercatorTile.TileOf(xs[i], ys[i], Zoom);
            var key = (long)x << 32 | (uint)y;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var best = counts.MaxBy(c => c.Value);
        return ((int)(best.Key >> 32), (int)(best.Key & 0xFFFFFFFF), best.Value);
    }

    private static List<double> Time<T>(int runs, Func<T> work)
    {
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Features of the tile's layers as NetTopologySuite's independent reader decodes them.</summary>
    private static int Count(byte[] bytes, MercatorTile tile) =>
        bytes.Length == 0 ? 0 : new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z)).Layers.Sum(l => l.Features.Count);

    private static string Report(Settings s, int n, MercatorTile tile, TimeSpan gridBuild, List<double> ours, int oursBytes, List<double> previous, PostGisFigures? postgis, Counts counts)
    {
        var text = new StringBuilder();
        var o = Percentiles.Median(ours);
        var ms = (double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        text.AppendLine("## Tiles");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Densest z{Zoom} tile of the national dwelling set: embedded vs. ST_AsMVT");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; PostgreSQL on the same machine over 127.0.0.1.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `bench/run tiles --dwellings {s.Dwellings} --runs {s.Runs} --previous-runs {s.PreviousRuns}{(s.PostGis is null ? "" : " --postgis \"…\"")}{(s.Output is null ? "" : $" --output {s.Output}")}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Input: {n:N0} **synthetic** dwellings (seed {s.Seed}, EPSG:25832). Densest z{Zoom} tile: **{Zoom}/{tile.X}/{tile.Y}**, {counts.InTile:N0} points inside it; with the 128-unit buffer (8 px of 256) the tile holds {counts.Encoded:N0}.");
        text.AppendLine("- Each figure is the median of the runs after one untimed warm-up; one layer `dwellings`, points only, extent 4096, buffer 128.");
        text.AppendLine();
        text.AppendLine("| engine | median | p90 | runs | vs. ST_AsMVT |");
        text.AppendLine("|---|---|---|---|---|");
        var pg = postgis is null ? double.NaN : Percentiles.Median(postgis.Times);
        string Ratio(double v) => postgis is null ? "–" : v <= pg ? $"{pg / v:0.0} × faster" : $"{v / pg:0.0} × slower";
        text.AppendLine(CultureInfo.InvariantCulture, $"| VeSiting, in-process: `PointGrid` box query → `MercatorTile` (exact UTM 32 → Web Mercator) → `MvtLayer` bytes ({oursBytes:N0} B) | {ms(o)} ms | {ms(Percentiles.Of(ours, 90))} ms | {ours.Count} | {Ratio(o)} |");
        if (postgis is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"| PostGIS `ST_AsMVT(ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(14, x, y), 4096, 128))` over a temporary table of all points, GiST-indexed and clustered on the index, one pooled session, timed on the client including transfer ({postgis.Bytes:N0} B) | {ms(pg)} ms | {ms(Percentiles.Of(postgis.Times, 90))} ms | {postgis.Times.Count} | 1.0 |");
        if (previous.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"| previous service path: NetTopologySuite point per dwelling, ProjNet transform to lon/lat, `Covers` clip, NetTopologySuite.IO.VectorTiles writer | {ms(Percentiles.Median(previous))} ms | {ms(Percentiles.Of(previous, 90))} ms | {previous.Count} | {Ratio(Percentiles.Median(previous))} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Goal: embedded faster than ST_AsMVT{(postgis is null ? " (not measured in this run: no --postgis)" : o < pg ? " — **met**" : " — **not met**")}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Points in the tile as decoded by NetTopologySuite's reader: VeSiting {counts.Decoded:N0}, ST_AsMVT {(counts.PostGis is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "–")}, previous path {counts.Previous:N0}{(counts.PostGis is null || counts.PostGis == counts.Decoded ? " (VeSiting and ST_AsMVT agree)" : " (**they differ**)")}{(postgis is null ? "" : postgis.Identical ? "; the two tiles are byte-identical" : "; the two tiles are not byte-identical (feature order or encoding differs)")}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Index building, not in the figures: `PointGrid` over all points {gridBuild.TotalMilliseconds:0} ms{(postgis is null ? "" : $"; PostGIS binary COPY + GiST index + CLUSTER {postgis.Load.TotalSeconds:0.0} s")}.");
        text.AppendLine("- Throughput of PostGIS-backed tiles against pgbench and cold PNG renders: `bash bench/tiles-postgis.sh` (its own section).");
        return text.ToString();
    }
}
