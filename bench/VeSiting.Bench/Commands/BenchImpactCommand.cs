using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Suitability;
using VeSiting.Core.Synthetic;
using VeSiting.Core.Tariffs.Impact;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run impact</c>: the national impact of every tariff scenario over the synthetic dwellings, timed cold (zoning every
/// dwelling and adding up, on every core and on one) and from the cache (a second request of the same scenario and data
/// edition). With --export it writes the dwellings, each scenario's covered plants and the zones found, for the NumPy
/// baseline of bench/impact.sh. Prints one JSON object.
/// </summary>
public sealed class BenchImpactCommand(DataContext data) : AsyncCommand<BenchImpactCommand.Settings>
{
    public sealed class Settings : SyntheticBenchSettings
    {
        [CommandOption("--export <DIR>")]
        [Description("Write dwellings.f64 (x, y pairs), <scenario>.plants.csv and <scenario>.zones.i32 here for an independent baseline.")]
        public string? Export { get; init; }

        [CommandOption("--scenario <ID>")]
        [Description("Only these scenarios (repeatable); default: every scenario of the library.")]
        public string[] Scenarios { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.CheckRanges();
        var store = await data.LoadStoreAsync(settings, cancellationToken);
        var library = RuleContext.LoadLibrary([]);
        var stack = library.PriceStacks.OrderBy(s => s.Key).Last().Value;
        var household = library.Profile("household");
        var clock = Stopwatch.StartNew();
        var (xs, ys, codes) = SyntheticDwellings.Generate(store.Data.Municipalities, store.Data.Population, settings.Seed, total: settings.Dwellings);
        var generated = clock.Elapsed.TotalSeconds;
        var homes = Enumerable.Repeat(1, xs.Length).ToArray();
        var households = new ImpactHouseholds(xs, ys, codes, homes, true, new Dictionary<int, string>());
        var plants = await store.ListPlantsAsync(SitingEngine.Current, cancellationToken);
        var names = store.Data.Municipalities.Where(m => m.NumericCode is not null).ToDictionary(m => m.NumericCode!.Value, m => m.Name);
        if (settings.Export is { } folder)
        {
            Directory.CreateDirectory(folder);
            using var file = new BinaryWriter(File.Create(Path.Combine(folder, "dwellings.f64")));
            for (var i = 0; i < xs.Length; i++)
            {
                file.Write(xs[i]);
                file.Write(ys[i]);
            }
        }

        var results = new List<object>();
        foreach (var scenario in library.Scenarios.Values.Where(s => settings.Scenarios.Length == 0 || settings.Scenarios.Contains(s.Id)).OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var calculator = new ProposalImpactCalculator(scenario, stack, household);
            int[] zones = [];
            ProposalImpact impact = null!;
            var cpuSeconds = new List<double>();
            double Time(int degree)
            {
                // The phases on stderr (the profile behind the figures): the covered plants indexed, every dwelling zoned, the answer added up.
                var cpu = Environment.CpuUsage.TotalTime;
                clock.Restart();
                var zoner = new ScenarioZoner(scenario, plants);
                var indexed = clock.Elapsed.TotalSeconds;
                zones = zoner.ZoneAll(xs, ys, degree, cancellationToken);
                var zoned = clock.Elapsed.TotalSeconds;
                impact = calculator.Compute("Denmark", zoner, zones, households, [], names);
                var total = clock.Elapsed.TotalSeconds;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"impact {scenario.Id} on {degree} core(s): index {indexed:0.000} s, zone {zoned - indexed:0.000} s, add up {total - zoned:0.000} s, total {total:0.000} s, CPU time {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.000} s (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
                if (degree == Environment.ProcessorCount)
                    cpuSeconds.Add((Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
                return total;
            }
            var all = Enumerable.Range(0, settings.Runs).Select(_ => Time(Environment.ProcessorCount)).ToList();
            var one = Enumerable.Range(0, Math.Max(1, settings.Runs / 2)).Select(_ => Time(1)).ToList();

            // From the cache: the service's second request of the same scenario over the same data edition.
            var cache = new ProposalImpactCache();
            var service = new ProposalImpactService(store, stack, household, cache);
            await service.RunAsync(scenario, "denmark", true, null, cancellationToken);
            var cached = Enumerable.Range(0, settings.Runs).Select(_ =>
            {
                clock.Restart();
                service.RunAsync(scenario, "denmark", true, null, cancellationToken).GetAwaiter().GetResult();
                return clock.Elapsed.TotalSeconds;
            }).ToList();

            if (settings.Export is { } dir)
            {
                var covered = plants.Where(scenario.CoveredPlants.Covers).ToList();
                File.WriteAllLines(Path.Combine(dir, $"{scenario.Id}.plants.csv"), new[] { "x,y,mw,h" }
                    .Concat(covered.Select(p => string.Create(CultureInfo.InvariantCulture,
                        $"{p.Geometry.Centroid.X:R},{p.Geometry.Centroid.Y:R},{p.CapacityMw ?? 0:R},{p.TotalHeightM ?? double.NaN:R}"))));
                File.WriteAllBytes(Path.Combine(dir, $"{scenario.Id}.zones.i32"), zones.SelectMany(BitConverter.GetBytes).ToArray());
            }
            results.Add(new
            {
                scenario = scenario.Id,
                basis = scenario.Basis.ToString(),
                reachM = scenario.SearchRadiusM,
                coveredPlants = plants.Count(scenario.CoveredPlants.Covers),
                medianSeconds = Percentiles.Median(all),
                oneCoreMedianSeconds = Percentiles.Median(one),
                cpuMedianSeconds = Percentiles.Median(cpuSeconds),
                cachedMedianSeconds = Percentiles.Median(cached),
                runs = all,
                zones = impact.Zones.Select(z => new { zone = z.ZoneId, households = z.Households }),
                upliftOrePerKwh = impact.UpliftOrePerKwh,
            });
        }
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            dwellings = xs.Length,
            seed = settings.Seed,
            cores = Environment.ProcessorCount,
            generateSeconds = generated,
            priceStack = stack.Ref.ToString(),
            scenarios = results,
        }, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
