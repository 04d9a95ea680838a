using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Commands;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run siting</c>: a profile over the whole of Denmark as a raster at each cell size, timed (data loaded
/// once, one untimed warm-up, then the runs), with the process's peak working set; writes the figures as JSON and the
/// point layers of the distance criteria as GeoJSON in EPSG:25832 for the GDAL baseline of bench/siting.sh.
/// </summary>
public sealed class BenchSitingCommand(CliConsole console, DataContext data) : AsyncCommand<BenchSitingCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("-p|--profile <ID>")]
        public string Profile { get; init; } = "greenhouse";

        [CommandOption("--cells <METRES>")]
        [Description("Cell sizes, comma-separated (default 1000,100).")]
        public string Cells { get; init; } = "1000,100";

        [CommandOption("--runs <N>")]
        [Description("Timed runs per cell size after one untimed warm-up (default 5).")]
        public int Runs { get; init; } = 5;

        [CommandOption("--export <DIR>")]
        [Description("Folder for figures.json, the GeoTIFF of the last cell size and the point layers (heat, dwellings, covered plants) as GeoJSON.")]
        public string Export { get; init; } = "bench-siting";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var cells = settings.Cells.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => double.TryParse(c, CultureInfo.InvariantCulture, out var v) && v >= 100 ? v : throw new UsageException($"--cells: '{c}' is not a cell size of at least 100 m")).ToList();
        if (settings.Runs < 1)
            throw new UsageException("--runs must be at least 1");
        Directory.CreateDirectory(settings.Export);
        var profile = new SitingProfileLoader(Path.Combine(ProjectLayout.Locate().Root, "geodata")).LoadAll().TryGetValue(settings.Profile, out var p) ? p
            : throw new UsageException($"--profile: no profile '{settings.Profile}'");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, library) = RuleContext.Create(settings, store, data.Today);
        var service = new SitingService(store, library.Rules, assessment.Prices, library.Scenarios, assessment.Today) { Landsdele = LandsdelReference.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata")) };
        var areas = (await service.ResolveAreaAsync("denmark", cancellationToken)).Value.Areas;
        var inputs = await service.InputsAsync(profile, null, null, null, cancellationToken);
        var scenario = inputs.Scenario;
        WritePoints(Path.Combine(settings.Export, "heat.geojson"), inputs.DistrictHeating.Select(h => (h.Position.X, h.Position.Y)));
        WritePoints(Path.Combine(settings.Export, "dwellings.geojson"), inputs.Dwellings.Select(d => (d.Position.X, d.Position.Y)));
        WritePoints(Path.Combine(settings.Export, "covered.geojson"), inputs.Plants.Where(scenario.CoveredPlants.Covers).Select(x => (x.Geometry.Centroid.X, x.Geometry.Centroid.Y)));
        Log($"{profile.Id}: {inputs.Plants.Count:N0} plants, {inputs.DistrictHeating.Count:N0} heat plants, {inputs.Dwellings.Count:N0} dwellings; {Environment.ProcessorCount} cores");

        var engine = new RasterSitingEngine(inputs);
        var figures = new List<object>();
        SuitabilityRaster? last = null;
        foreach (var cell in cells)
        {
            last = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            last = engine.Run(profile, areas, cell, cancellationToken); // warm-up
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var times = new List<double>();
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            for (var run = 0; run < settings.Runs; run++)
            {
                // The previous raster is collected first, so a run's memory is its own.
                last = null;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                last = engine.Run(profile, areas, cell, cancellationToken);
                times.Add(clock.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
            var grid = last.Grid;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Log($"{cell:0} m: {grid.Columns} × {grid.Rows} cells, median {Percentiles.Median(times):0.000} s, CPU {Percentiles.Median(cpu):0.000} s (runs {string.Join(", ", times.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)))}), {allocated / 1e6:0} MB allocated per run, process peak {peak / 1e6:0} MB");
            figures.Add(new
            {
                cell,
                grid.Columns,
                grid.Rows,
                grid.West,
                grid.South,
                East = grid.West + grid.Columns * grid.CellSize,
                grid.North,
                land = last.CountOf(s => s != CellStatus.Outside),
                ranked = last.CountOf(s => s == CellStatus.Ranked),
                medianSeconds = Percentiles.Median(times),
                runs = times,
                medianCpuSeconds = Percentiles.Median(cpu),
                allocatedMb = allocated / 1e6,
                peakWorkingSetMb = peak / 1e6,
                criteria = last.Criteria.Select(c => c.Criterion),
            });
        }
        if (last is not null)
            SuitabilityGeoTiff.Write(Path.Combine(settings.Export, $"vesiting-{last.Grid.CellSize:0}m.tif"), last, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(settings.Export, "figures.json"), JsonSerializer.Serialize(new
        {
            profile = profile.Ref.ToString(),
            scenario = scenario.Id,
            cores = Environment.ProcessorCount,
            dotnet = Environment.Version.ToString(),
            plants = inputs.Plants.Count,
            heatPlants = inputs.DistrictHeating.Count,
            dwellings = inputs.Dwellings.Count,
            sizes = figures,
        }, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        Log($"figures in {Path.Combine(settings.Export, "figures.json")}");
        return ExitCodes.Ok;
    }

    private static void WritePoints(string path, IEnumerable<(double X, double Y)> points)
    {
        using var writer = new StreamWriter(path);
        writer.Write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},\"features\":[");
        var first = true;
        foreach (var (x, y) in points)
        {
            writer.Write(first ? "" : ",");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{x:0.###},{y:0.###}]}}}}"));
            first = false;
        }
        writer.Write("]}");
    }

    private void Log(string message) => console.Status.WriteLine(message);
}
