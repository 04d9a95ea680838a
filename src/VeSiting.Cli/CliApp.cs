using VeSiting.Cli.Commands;
using VeSiting.Core.Explanations;
using VeSiting.Core.Importing;
using VeSiting.Core.Rules;
using VeSiting.Core.Stores;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Cli;

/// <summary>The <c>vesiting</c> command line: commands, their dependencies, and how failures become exit codes.</summary>
public static class CliApp
{
    /// <summary>Runs one command line; <paramref name="time"/> is the clock every "today" and "this year" is read from (default: the system's).</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default, TimeProvider? time = null) =>
        RunAsync(args, console, Environment.GetEnvironmentVariable, cancellationToken, time);

    /// <summary>Runs with the given environment (for the language: <see cref="CliLanguage"/>) and clock.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?> environment, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        MessageCatalogue language;
        try
        {
            (language, args) = CliLanguage.Choose(args, environment);
        }
        catch (UsageException e)
        {
            return Report(e, console);
        }
        using var answers = MessageCatalogue.Use(language);

        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliConsole), console);
        registrar.RegisterInstance(typeof(DataContext), new DataContext(console, time ?? TimeProvider.System));
        registrar.RegisterInstance(typeof(ResultRenderer), new ResultRenderer(console));

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("vesiting");
            config.ConfigureConsole(console.Status);
            config.UseStrictParsing();
            config.AddBranch("data", data =>
            {
                data.SetDescription("Obtain and inspect the data sources.");
                data.AddCommand<DataFetchCommand>("fetch").WithDescription("Fetch every source into the cache, verifying checksums.");
                data.AddCommand<DataSourcesCommand>("sources").WithDescription("List the sources: the edition each uses and where it came from, licence, attribution, cache state.");
                data.AddCommand<DataAddCommand>("add").WithDescription("Check a file with the source's importer and make it the source's current edition (kept in the cache, never under geodata/).")
                    .WithExample("data", "add", "ens-wind-register", "anlaegsdata.xlsx")
                    .WithExample("data", "add", "permit-dates", "permits.csv");
                data.AddCommand<DataResetCommand>("reset").WithDescription("Go back to a source's built-in edition.")
                    .WithExample("data", "reset", "ens-wind-register");
            });
            config.AddBranch("db", db =>
            {
                db.SetDescription("Manage the PostGIS database.");
                db.AddCommand<DbMigrateCommand>("migrate").WithDescription("Apply the schema migrations (idempotent).");
            });
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Load every source into PostGIS in one transaction (needs --db or $VESITING_DB).")
                .WithExample("import", "--db", "Host=localhost;Database=vesiting;Username=vesiting;Password=…");
            config.AddCommand<NearestCommand>("nearest")
                .WithDescription("Plants nearest a point, an address or a UTM coordinate.")
                .WithExample("nearest", "--address", "Eliasgade 10, 2300")
                .WithExample("nearest", "--lat", "56.38", "--lon", "8.47", "--kind", "wind-turbine", "--min-height", "25");
            config.AddCommand<NeighboursCommand>("neighbours")
                .WithDescription("Addresses and buildings within k × H of a turbine (registered or planned).")
                .WithExample("neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110");
            config.AddBranch("assess", assess =>
            {
                assess.SetDescription("Neighbour schemes, VE-bonus, green pool and tariff zones, with the rules and data behind every number.");
                assess.AddCommand<AssessSiteCommand>("site").WithDescription("A home or firm: schemes, DKK per year, tariff zone and price.")
                    .WithExample("assess", "site", "--address", "Eliasgade 10, 2300");
                assess.AddCommand<AssessPlantCommand>("plant").WithDescription("Registered turbines by GSRN: affected dwellings, VE-bonus, green pool.");
                assess.AddCommand<AssessProjectCommand>("project").WithDescription("A planned layout (GeoJSON file or --turbine positions).")
                    .WithExample("assess", "project", "--turbine", "638500 6150500", "--hub", "95", "--rotor", "110", "--capacity-kw", "4200", "--permit-date", "2026-06-01");
                assess.AddCommand<AssessCompareCommand>("compare").WithDescription("2–5 layouts side by side: rings, money, noise and flicker; the best of each row marked, the differences in words.")
                    .WithExample("assess", "compare", "--file", "a.geojson", "--file", "b.geojson");
                assess.AddCommand<AssessMunicipalityCommand>("municipality").WithDescription("Totals for a municipality.")
                    .WithExample("assess", "municipality", "--code", "573");
            });
            config.AddBranch("scenario", scenario =>
            {
                scenario.SetDescription("Tariff scenarios (the distance-tariff proposal).");
                scenario.AddCommand<ScenarioImpactCommand>("impact").WithDescription("What each scenario would cost, who gains and who pays: per zone, per municipality, the revenue-neutral increase.")
                    .WithExample("scenario", "impact", "--area", "region:1083", "--scenario", "banded-distance", "--scenario", "capacity-weighted");
            });
            config.AddBranch("flicker", flicker =>
            {
                flicker.SetDescription("Shadow flicker (skyggekast): worst case and expected hours a year at dwellings, and one dwelling's calendar.");
                flicker.AddCommand<FlickerDwellingsCommand>("dwellings").WithDescription("Every dwelling within a planned layout's reach (--file), or a municipality's from the turbines in operation (--municipality).");
                flicker.AddCommand<FlickerCalendarCommand>("calendar").WithDescription("One dwelling's spells of flicker (date, Danish clock time, minutes, turbines).");
            });
            config.AddBranch("synth", synth =>
            {
                synth.SetDescription("Synthetic data for benchmarks (always labelled synthetic).");
                synth.AddCommand<SynthDwellingsCommand>("dwellings").WithDescription("The deterministic national dwelling set (≈ 2.8 million points) as CSV.");
                synth.AddCommand<SynthAddressesCommand>("addresses").WithDescription("A national-scale address file (≈ 2.5 million access addresses) in DAWA's adgangsadresser layout, for load benchmarks.")
                    .WithExample("synth", "addresses", "--output", "adgangsadresser-synthetic.csv");
            });
            config.AddCommand<ClassifyCommand>("classify")
                .WithDescription("Every dwelling's nearest covered plant and scheme ring, streamed as CSV (addresses, or --synthetic for the national set).")
                .WithExample("classify", "--synthetic", "--output", "dwellings.csv");
            config.AddCommand<SitesCommand>("sites")
                .WithDescription("Ranked sites for spin-off industry (greenhouse, PtX, fermentation, data centre) by profile.")
                .WithExample("sites", "--profile", "greenhouse", "--area", "region:1082", "--cell", "1000")
                .WithExample("sites", "--profile", "data-centre", "--format", "geojson");
            config.AddCommand<PlantsCommand>("plants")
                .WithDescription("List and filter plants.")
                .WithExample("plants", "--kind", "solar-park", "--format", "csv");
            config.SetExceptionHandler((exception, _) => Report(exception, console));
        });
        return await app.RunAsync(args, cancellationToken);
    }

    /// <summary>One line saying what went wrong (no stack trace), and the exit code for it.</summary>
    internal static int Report(Exception exception, CliConsole console, string application = "vesiting")
    {
        var error = console.Status;
        var failed = Reason.Of("cli.error").Rendered;
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException or UsageException or RulePeriodException:
                error.MarkupLineInterpolated($"[red]{failed}[/] {exception.Message}");
                error.MarkupLineInterpolated($"[grey]{Reason.Of("cli.usage", ("application", application)).Rendered}[/]");
                return ExitCodes.Usage;
            case NotFoundException:
                error.MarkupLineInterpolated($"[red]{Reason.Of("cli.not-found").Rendered}[/] {exception.Message}");
                return ExitCodes.NotFound;
            case DataFetchException or ImportFailedException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
                or StoreUnavailableException or StoreNotReadyException or RuleFileException:
                error.MarkupLineInterpolated($"[red]{failed}[/] {exception.Message}");
                return ExitCodes.Failure;
            case OperationCanceledException:
                error.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.Failure;
            default:
                error.MarkupLineInterpolated($"[red]{failed}[/] {exception.GetType().Name}: {exception.Message}");
                if (Environment.GetEnvironmentVariable("VESITING_DEBUG") is not null)
                    error.WriteException(exception);
                return ExitCodes.Failure;
        }
    }
}
