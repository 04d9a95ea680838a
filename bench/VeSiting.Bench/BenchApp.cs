using Spectre.Console.Cli;
using VeSiting.Bench.Commands;
using VeSiting.Cli;
using VeSiting.Cli.Infrastructure;

namespace VeSiting.Bench;

/// <summary>
/// The benchmark tool (<c>bench/run</c>): end-to-end benchmarks over the real data and the synthetic dwellings, and the
/// open-loop load client. It loads data as the product CLI does and reports failures the same way.
/// </summary>
public static class BenchApp
{
    public const string Name = "bench/run";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliConsole), console);
        registrar.RegisterInstance(typeof(DataContext), new DataContext(console, TimeProvider.System));

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName(Name);
            config.ConfigureConsole(console.Status);
            config.UseStrictParsing();
            config.AddCommand<BenchProjectsCommand>("projects").WithDescription("Every synthetic dwelling → the projects whose VE-bonus reaches it, caps applied: the join vs. PostGIS (with --postgis).");
            config.AddCommand<BenchImpactCommand>("impact").WithDescription("The tariff proposal's national impact over the synthetic dwellings: cold (all cores, one core) and cached; --export for the NumPy baseline of bench/impact.sh.");
            config.AddCommand<BenchNearestCommand>("nearest").WithDescription("Nearest covered plant and zone for every synthetic dwelling: grid engine vs. STR-tree (and PostGIS).");
            config.AddCommand<BenchNoiseCommand>("noise").WithDescription("Noise at every synthetic dwelling from the turbines in operation, a 10-turbine layout's noise bands, and shadow flicker (bench/noise.sh adds the NumPy baseline).");
            config.AddCommand<BenchRateCommand>("rate").WithDescription("Fixed-rate (open-loop) HTTP load: latency from each request's intended send time, as wrk2 measures it.")
                .WithExample("rate", "--url", "http://127.0.0.1:5197", "--rate", "2000", "--seconds", "20", "--paths", "points.txt");
            config.AddCommand<BenchSitingCommand>("siting").WithDescription("A siting profile over Denmark as a raster at each cell size (figures and GDAL inputs for bench/siting.sh).");
            config.AddCommand<BenchTilesCommand>("tiles").WithDescription("Densest z14 tile of the synthetic dwellings: the service's point-layer encoder vs. PostGIS ST_AsMVT (with --postgis).");
            config.AddCommand<TileSqlCommand>("tile-sql").WithDescription("Print the ST_AsMVT query the PostGIS store runs for a tile layer (for pgbench baselines).")
                .WithExample("tile-sql", "plants");
            config.SetExceptionHandler((exception, _) => CliApp.Report(exception, console, Name));
        });
        return await app.RunAsync(args, cancellationToken);
    }
}
