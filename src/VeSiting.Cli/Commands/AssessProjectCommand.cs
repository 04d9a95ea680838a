using VeSiting.Core.Explanations;
using VeSiting.Core.Noise;
using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess project</c>: a planned layout from a GeoJSON file or turbines on the command line.</summary>
public sealed class AssessProjectCommand(CliConsole console, DataContext data, ResultRenderer renderer) : AsyncCommand<AssessProjectCommand.Settings>
{
    public sealed class Settings : AssessProjectSettings
    {
        [CommandOption("--file <GEOJSON>")]
        [Description("Planned layout: Point turbines (hub_height_m, rotor_diameter_m, capacity_kw) or Polygon solar areas (capacity_mw).")]
        public string? File { get; init; }

        [CommandOption("--turbine <\"E N\">")]
        [Description("A planned turbine position in ETRS89 / UTM 32N (repeatable); all share --hub, --rotor and --capacity-kw.")]
        public string[] Turbines { get; init; } = [];

        [CommandOption("--hub <METRES>")]
        public double? Hub { get; init; }

        [CommandOption("--rotor <METRES>")]
        public double? Rotor { get; init; }

        [CommandOption("--capacity-kw <KW>")]
        public double? CapacityKw { get; init; }

        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        [CommandOption("--lwa-6ms <DBA>")]
        [Description("Sound power L_WA at 6 m/s (dB(A), 10 m reference height) of every --turbine; without it the noise is estimated.")]
        public double? Lwa6 { get; init; }

        [CommandOption("--lwa-8ms <DBA>")]
        [Description("Sound power L_WA at 8 m/s (dB(A)) of every --turbine.")]
        public double? Lwa8 { get; init; }

        [CommandOption("--lwa-octaves-8ms <DBA,...>")]
        [Description("A-weighted octave spectrum at 8 m/s, 8 values 63 Hz–8 kHz, comma-separated.")]
        public string? LwaOctaves8 { get; init; }

        [CommandOption("--lwa-lf-thirds-8ms <DBA,...>")]
        [Description("A-weighted 1/3-octave spectrum at 8 m/s, 13 values 10–160 Hz, comma-separated (needed for the low-frequency limit).")]
        public string? LwaLowFrequencyThirds8 { get; init; }

        /// <summary>The sound power the options give, or null; a wrong value (shape, or outside <paramref name="range"/>) is a usage error naming the option.</summary>
        public TurbineAcoustics? Acoustics(AcousticsRange range)
        {
            double[]? Parse(string? text, string option) => text is null ? null
                : [.. text.Split(',', StringSplitOptions.TrimEntries).Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                    : throw new UsageException($"{option}: '{v}' is not a number"))];
            var octaves = Parse(LwaOctaves8, "--lwa-octaves-8ms");
            var thirds = Parse(LwaLowFrequencyThirds8, "--lwa-lf-thirds-8ms");
            if ((TurbineAcoustics.ShapeProblem(Lwa6, Lwa8, octaves, thirds) ?? range.Problem(Lwa6, Lwa8, octaves, thirds)) is { } problem)
            {
                var option = problem.Field switch
                {
                    "lwa_6ms_db" => "--lwa-6ms",
                    "lwa_8ms_db" => "--lwa-8ms",
                    "lwa_octaves_8ms_db" => "--lwa-octaves-8ms",
                    _ => "--lwa-lf-thirds-8ms",
                };
                throw new UsageException($"{option}: {problem.Reason}");
            }
            return Lwa6 is { } l6 && Lwa8 is { } l8 ? new TurbineAcoustics(l6, l8, octaves, thirds, AcousticsBasis.Layout, "command line") : null;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.Report();
        var library = RuleContext.LoadLibrary(settings.RuleFolders);
        if (settings.File is not null == settings.Turbines.Length > 0)
            throw new UsageException("give either --file LAYOUT.geojson or one or more --turbine \"E N\" with --hub, --rotor and --capacity-kw");
        PlannedLayout layout;
        string fallbackName;
        if (settings.File is { } file)
        {
            layout = LayoutFile.ReadOrExit(file);
            fallbackName = Path.GetFileNameWithoutExtension(file);
        }
        else
        {
            if (settings.Hub is not > 0 || settings.Rotor is not >= 0 || settings.CapacityKw is not > 0)
                throw new UsageException("--turbine needs --hub (> 0 m), --rotor (≥ 0 m) and --capacity-kw (> 0)");
            TurbineArguments.Check(settings.Hub, settings.Rotor, settings.CapacityKw);
            var acoustics = settings.Acoustics(AcousticsRange.From(library.Rules, RuleContext.Today(settings, data.Today)));
            var plants = settings.Turbines.Select((t, i) =>
            {
                var (e, n) = PointArguments.ParseUtm(t);
                return PlannedPlants.Turbine($"T{i + 1}", e, n, settings.Hub!.Value, settings.Rotor!.Value, settings.CapacityKw) with { Acoustics = acoustics };
            }).ToList();
            layout = new PlannedLayout(plants, null, null);
            fallbackName = Reason.Of("project.name-planned-turbines", ("count", plants.Count)).Rendered;
        }
        var question = ProjectQuestion.Parse(layout, new ProjectText(settings.Name, settings.PermitDate, settings.FlickerYear), fallbackName).OrExit();

        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today, library);
        var result = await new ProjectAssessor(assessment).AssessAsync(question.Project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(question.Project.Plants, question.FlickerYear.For(assessment.Today), cancellationToken);
        await settings.WriteAsync(console, renderer, store, result, flicker, cancellationToken);
        return ExitCodes.Ok;
    }
}
