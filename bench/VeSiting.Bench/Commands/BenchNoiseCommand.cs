using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Noise;
using VeSiting.Core.Rules;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run noise</c>: the noise order's method and the shadow-flicker calculation at national scale and for one layout,
/// timed on this machine. Writes its figures as JSON (<c>--export</c>: with the turbines and dwellings, so that bench/noise.sh
/// can time a NumPy implementation of the same formulas on the same input and compare the levels).
/// </summary>
public sealed class BenchNoiseCommand(CliConsole console, DataContext data) : AsyncCommand<BenchNoiseCommand.Settings>
{
    public sealed class Settings : SyntheticBenchSettings
    {
        [CommandOption("--export <DIR>")]
        [Description("Write turbines.csv, dwellings.f64 (x, y pairs), levels.f32 (our 8 m/s levels) and figures.json here.")]
        public string? Export { get; init; }

        [CommandOption("--flicker-year <YEAR>")]
        public int FlickerYear { get; init; } = 2026;

        [CommandOption("--flicker-sample <N>")]
        [Description("Dwellings (spread over the national list) timed on one thread and exported for the NumPy flicker baseline.")]
        public int FlickerSample { get; init; } = 300;

        [CommandOption("--skip-national-flicker")]
        [Description("Leave out worst-case flicker at every dwelling within reach of a turbine in Denmark (the long step).")]
        public bool SkipNationalFlicker { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckRanges();
        var store = await data.LoadStoreAsync(settings, cancellationToken);
        var library = RuleContext.LoadLibrary([]);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var provenance = new Provenance();
        var rules = NoiseRules.From(library.Rules, today, provenance);
        var figures = new Dictionary<string, object?> { ["cores"] = Environment.ProcessorCount, ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) };

        // 1. Noise at 8 m/s at every synthetic dwelling from every wind turbine in operation the method covers.
        var operating = store.Data.Plants.Where(p => p.Status == PlantStatus.Operating && NoiseSources.Covered(p)).ToList();
        var sources = operating.Select(p => NoiseSources.For(p, rules, provenance, inProject: false).Source).OfType<NoiseSource>().ToList();
        var (xs, ys, _) = SyntheticDwellings.Generate(store.Data.Municipalities, store.Data.Population, settings.Seed, total: settings.Dwellings);
        Log($"{xs.Length:N0} synthetic dwellings, {sources.Count:N0} turbines in operation with a sound power ({operating.Count:N0} covered), {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        var field = new NoiseField(sources);
        var fieldBuild = clock.Elapsed.TotalSeconds;
        var levels = new float[xs.Length];
        var times = new List<double>();
        var cpuTimes = new List<double>();
        // Loading the store and generating the dwellings leave the collector work to do; done now, it is not timed as noise.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (var run = 0; run < settings.Runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            Parallel.For(0, xs.Length, i => levels[i] = (float)field.At(xs[i], ys[i]).Level8);
            times.Add(clock.Elapsed.TotalSeconds);
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        // The same on one thread, as NumPy runs: its CPU time compares the two even on a machine shared with others.
        var oneThreadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        for (var i = 0; i < xs.Length; i++)
            levels[i] = (float)field.At(xs[i], ys[i]).Level8;
        var oneThreadSeconds = clock.Elapsed.TotalSeconds;
        var oneThreadCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - oneThreadCpu).TotalSeconds;
        var reached = levels.Count(float.IsFinite);
        figures["national"] = new Dictionary<string, object?>
        {
            ["dwellings"] = xs.Length,
            ["turbines"] = sources.Count,
            ["seconds"] = Percentiles.Median(times),
            ["runs"] = times,
            ["cpuSeconds"] = Percentiles.Median(cpuTimes),
            ["oneThreadSeconds"] = oneThreadSeconds,
            ["oneThreadCpuSeconds"] = oneThreadCpuSeconds,
            ["indexSeconds"] = fieldBuild,
            ["reached"] = reached,
            ["over8OpenCountry"] = levels.Count(l => Math.Round(l, 1) > rules.LimitOpenCountry8),
            ["over8NoiseSensitive"] = levels.Count(l => Math.Round(l, 1) > rules.LimitNoiseSensitive8),
            ["largestCutoffM"] = sources.Max(s => s.CutoffM),
        };
        Log($"noise at every dwelling: median {Percentiles.Median(times):0.000} s ({Percentiles.Median(cpuTimes):0.000} s of CPU) over {settings.Runs} runs, {oneThreadSeconds:0.000} s ({oneThreadCpuSeconds:0.000} s of CPU) on one thread; {reached:N0} dwellings within some turbine's cut-off");

        // 2. One planned 10-turbine layout (a row 500 m apart west of Høng; hub 105 m, rotor 150 m, sound power estimated):
        //    the dwellings' noise (with every turbine in operation that can matter) and the bands at 10 m cells.
        var assessment = new AssessmentContext(store, library.Rules, library.PriceStack(library.PriceStacks.Keys.Max()), [], today);
        var layout = Enumerable.Range(0, 10).Select(i => PlannedPlants.Turbine($"T{i + 1}", 636_000 + i * 500, 6_150_500, 105, 150, 6000)).ToList();
        var layoutTimes = new List<double>();
        var bandTimes = new List<double>();
        (int Dwellings, long Cells, double Cell, int Existing) layoutResult = default;
        var layoutCpu = new List<double>();
        for (var run = 0; run <= settings.Runs; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var noise = (await new ProjectNoiseAssessor(assessment).AssessAsync(layout, cancellationToken))!;
            var project = noise.ProjectTurbines.Where(t => t.Included).Select(t => t.Source!).ToList();
            var all = project.Concat(noise.ExistingTurbines.Where(t => t.Included).Select(t => t.Source!)).ToList();
            var reach = NoiseBandMap.Reach(all, noise.Rules).Take(project.Count).Max();
            var focus = new NetTopologySuite.Geometries.Envelope(project.Min(s => s.X) - reach, project.Max(s => s.X) + reach, project.Min(s => s.Y) - reach, project.Max(s => s.Y) + reach);
            var bandsFrom = clock.Elapsed.TotalSeconds;
            var map = NoiseBandMap.Compute(all, noise.Rules, focus, 10, 4_000_000, GeometryTransforms.FactoryFor(Epsg.Utm32))!;
            if (run > 0)
            {
                layoutTimes.Add(clock.Elapsed.TotalSeconds);
                bandTimes.Add(clock.Elapsed.TotalSeconds - bandsFrom);
                layoutCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            }
            layoutResult = (noise.Dwellings.Count, map.Frame.Cells, map.Frame.Cell, noise.ExistingTurbines.Count);
        }
        figures["layout"] = new Dictionary<string, object?>
        {
            ["seconds"] = Percentiles.Median(layoutTimes),
            ["runs"] = layoutTimes,
            ["bandsSeconds"] = Percentiles.Median(bandTimes),
            ["cpuSeconds"] = Percentiles.Median(layoutCpu),
            ["dwellings"] = layoutResult.Dwellings,
            ["cells"] = layoutResult.Cells,
            ["cellM"] = layoutResult.Cell,
            ["existingTurbines"] = layoutResult.Existing,
        };
        Log($"10-turbine layout: noise at {layoutResult.Dwellings:N0} dwellings and bands over {layoutResult.Cells:N0} cells of {layoutResult.Cell} m: median {Percentiles.Median(layoutTimes) * 1000:0} ms (bands {Percentiles.Median(bandTimes) * 1000:0} ms)");

        // 3. Shadow flicker: the same layout's dwellings; one dwelling's calendar; every synthetic dwelling within reach of a turbine.
        var flicker = new ShadowFlickerAssessor(assessment);
        var (calculator, _) = flicker.CalculatorInForce();
        clock.Restart();
        SunYear.For(settings.FlickerYear);
        var sunYear = clock.Elapsed.TotalSeconds;
        var projectTimes = new List<double>();
        ShadowFlickerPart? part = null;
        for (var run = 0; run < settings.Runs; run++)
        {
            clock.Restart();
            part = await flicker.ForPlantsAsync(layout, settings.FlickerYear, cancellationToken);
            projectTimes.Add(clock.Elapsed.TotalSeconds);
        }
        var worst = part!.Worst ?? part.Dwellings[0];
        var calendarTimes = new List<double>();
        var spells = 0;
        for (var run = 0; run < settings.Runs; run++)
        {
            clock.Restart();
            var (_, calendar) = calculator.Calendar(new FlickerReceptor(worst.Home.Id, worst.Home.Position.X, worst.Home.Position.Y), part.Turbines, settings.FlickerYear);
            calendarTimes.Add(clock.Elapsed.TotalSeconds);
            spells = calendar.Count;
        }
        figures["flickerProject"] = new Dictionary<string, object?>
        {
            ["seconds"] = Percentiles.Median(projectTimes),
            ["runs"] = projectTimes,
            ["dwellings"] = part.Dwellings.Count,
            ["overLimit"] = part.DwellingsOverLimit,
            ["sunYearSeconds"] = sunYear,
            ["calendarSeconds"] = Percentiles.Median(calendarTimes),
            ["calendarRuns"] = calendarTimes,
            ["calendarSpells"] = spells,
            ["calendarDwelling"] = worst.Home.Label,
        };
        Log($"flicker: layout's {part.Dwellings.Count:N0} dwellings median {Percentiles.Median(projectTimes):0.000} s; one calendar ({spells} spells) {Percentiles.Median(calendarTimes) * 1000:0.0} ms; SunYear built in {sunYear:0.00} s");

        if (!settings.SkipNationalFlicker)
            figures["flickerNational"] = await NationalFlickerAsync(store.Data.Plants, calculator, xs, ys, settings.FlickerYear, settings.FlickerSample, settings.Export, cancellationToken);

        if (settings.Export is { } export)
        {
            Directory.CreateDirectory(export);
            var csv = new StringBuilder("x,y,hub,cutoff," + string.Join(",", NoiseBands.Octaves.Select(b => $"lwa{b}")) + "\n");
            foreach (var s in sources)
                csv.AppendLine(string.Join(",", new[] { s.X, s.Y, s.HubHeightM, s.CutoffM }.Concat(s.OctaveLwa8).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            await File.WriteAllTextAsync(Path.Combine(export, "turbines.csv"), csv.ToString(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(export, "method.json"), JsonSerializer.Serialize(new
            {
                geometricTerm = rules.GeometricTerm,
                groundTerm = rules.GroundTerm,
                alpha = rules.AirAbsorptionDbPerKm,
                limitOpenCountry8 = rules.LimitOpenCountry8,
                limitNoiseSensitive8 = rules.LimitNoiseSensitive8,
            }), cancellationToken);
            var xy = new byte[xs.Length * 16];
            for (var i = 0; i < xs.Length; i++)
            {
                BitConverter.TryWriteBytes(xy.AsSpan(i * 16), xs[i]);
                BitConverter.TryWriteBytes(xy.AsSpan(i * 16 + 8), ys[i]);
            }
            await File.WriteAllBytesAsync(Path.Combine(export, "dwellings.f64"), xy, cancellationToken);
            var lv = new byte[levels.Length * 4];
            Buffer.BlockCopy(levels, 0, lv, 0, lv.Length);
            await File.WriteAllBytesAsync(Path.Combine(export, "levels.f32"), lv, cancellationToken);
        }
        figures["peakMb"] = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        var json = JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true });
        console.Output.WriteLine(json);
        if (settings.Export is { } dir)
            await File.WriteAllTextAsync(Path.Combine(dir, "figures.json"), json, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Worst-case flicker (and the expected hours, computed alongside) at every synthetic dwelling within reach of a wind turbine in
    /// operation or planned, on all cores; then a sample of them on one thread, exported with the turbines and the Sun's year for
    /// bench/flicker_numpy.py.
    /// </summary>
    private async Task<Dictionary<string, object?>> NationalFlickerAsync(IReadOnlyList<Plant> plants, ShadowFlickerCalculator calculator, double[] xs, double[] ys,
        int year, int sampleSize, string? export, CancellationToken cancellationToken)
    {
        var turbines = ShadowFlickerAssessor.Computable([.. plants.Where(p => p.Kind == PlantKind.WindTurbine && p.Status is PlantStatus.Operating or PlantStatus.Planned)]);
        var conventions = calculator.Conventions;
        var largest = turbines.Max(t => conventions.MaxDistance(t.RotorDiameter));
        var clock = Stopwatch.StartNew();
        var dwellings = new PointGrid(xs, ys);
        var turbineGrid = new PointGrid([.. turbines.Select(t => t.Easting)], [.. turbines.Select(t => t.Northing)]);
        var within = new HashSet<int>();
        foreach (var t in turbines)
        {
            var r = conventions.MaxDistance(t.RotorDiameter);
            var state = within;
            dwellings.Within(t.Easting, t.Northing, r, ref state, static (int i, double _, ref HashSet<int> s) => s.Add(i));
        }
        var select = clock.Elapsed.TotalSeconds;
        var list = within.Order().ToArray();
        var minutes = new int[list.Length];
        List<FlickerTurbine> Near(int i, List<FlickerTurbine> near)
        {
            near.Clear();
            var state = (near, turbines);
            turbineGrid.Within(xs[i], ys[i], largest, ref state, static (int j, double _, ref (List<FlickerTurbine> Near, IReadOnlyList<FlickerTurbine> All) s) => s.Near.Add(s.All[j]));
            return near;
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        Parallel.For(0, list.Length, () => new List<FlickerTurbine>(), (k, _, near) =>
        {
            minutes[k] = calculator.ForDwelling(new FlickerReceptor("", xs[list[k]], ys[list[k]]), Near(list[k], near), year).WorstCaseMinutes;
            return near;
        }, _ => { });
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Log($"flicker at {list.Length:N0} dwellings within reach of {turbines.Count:N0} turbines: {seconds:0.0} s (selection {select:0.00} s)");

        // The sample: every k-th dwelling of the list, on one thread (the NumPy baseline runs on one).
        var step = Math.Max(1, list.Length / Math.Max(1, sampleSize));
        var sample = Enumerable.Range(0, list.Length).Where(k => k % step == 0).Take(sampleSize).ToArray();
        var buffer = new List<FlickerTurbine>();
        clock.Restart();
        foreach (var k in sample)
            calculator.ForDwelling(new FlickerReceptor("", xs[list[k]], ys[list[k]]), Near(list[k], buffer), year);
        var sampleSeconds = clock.Elapsed.TotalSeconds;
        if (export is not null)
        {
            Directory.CreateDirectory(export);
            var csv = new StringBuilder("x,y,hub,rotor\n");
            foreach (var t in turbines)
                csv.AppendLine(string.Join(",", new[] { t.Easting, t.Northing, t.HubHeight, t.RotorDiameter }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            await File.WriteAllTextAsync(Path.Combine(export, "flicker_turbines.csv"), csv.ToString(), cancellationToken);
            var rows = new StringBuilder("x,y,minutes\n");
            foreach (var k in sample)
                rows.AppendLine(FormattableString.Invariant($"{xs[list[k]]:R},{ys[list[k]]:R},{minutes[k]}"));
            await File.WriteAllTextAsync(Path.Combine(export, "flicker_sample.csv"), rows.ToString(), cancellationToken);
            var sun = SunYear.For(year);
            var table = new byte[sun.Minutes * 16];
            Buffer.BlockCopy(sun.GreenwichHourAngle, 0, table, 0, sun.Minutes * 8);
            Buffer.BlockCopy(sun.Declination, 0, table, sun.Minutes * 8, sun.Minutes * 8);
            await File.WriteAllBytesAsync(Path.Combine(export, "sun.f64"), table, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(export, "flicker.json"), JsonSerializer.Serialize(new
            {
                minimumSunElevation = conventions.MinimumSunElevation,
                receptorHeight = conventions.ReceptorHeight,
                maxDistancePerRotorDiameter = conventions.MaxDistancePerRotorDiameter,
            }), cancellationToken);
        }
        return new Dictionary<string, object?>
        {
            ["seconds"] = seconds,
            ["cpuSeconds"] = cpuSeconds,
            ["selectSeconds"] = select,
            ["dwellings"] = list.Length,
            ["turbines"] = turbines.Count,
            ["withFlicker"] = minutes.Count(m => m > 0),
            ["maxWorstCaseHours"] = minutes.DefaultIfEmpty(0).Max() / 60.0,
            ["sampleDwellings"] = sample.Length,
            ["sampleSecondsOneThread"] = sampleSeconds,
        };
    }

    private void Log(string message) => console.Status.WriteLine(message);
}
