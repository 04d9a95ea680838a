using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess project</c>: a planned layout from a GeoJSON file or turbines on the command line.</summary>
public sealed class AssessProjectCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<AssessProjectCommand.Settings>
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var permit = settings.ParsedPermitDate;
        IReadOnlyList<Plant> plants;
        string name;
        if (settings.File is not null == settings.Turbines.Length > 0)
            throw new UsageException("give either --file LAYOUT.geojson or one or more --turbine \"E N\" with --hub, --rotor and --capacity-kw");
        if (settings.File is { } file)
        {
            if (!System.IO.File.Exists(file))
                throw new UsageException($"--file: {file} does not exist");
            var (fromFile, filePermit) = new PlannedProjectReader().Read(file);
            (plants, permit, name) = (fromFile, permit ?? filePermit, settings.Name ?? Path.GetFileNameWithoutExtension(file));
        }
        else
        {
            if (settings.Hub is not > 0 || settings.Rotor is not >= 0 || settings.CapacityKw is not > 0)
                throw new UsageException("--turbine needs --hub (> 0 m), --rotor (≥ 0 m) and --capacity-kw (> 0)");
            plants = settings.Turbines.Select((t, i) =>
            {
                var (e, n) = PointArguments.ParseUtm(t);
                return PlannedPlants.Turbine($"T{i + 1}", e, n, settings.Hub!.Value, settings.Rotor!.Value, settings.CapacityKw);
            }).ToList();
            name = settings.Name ?? $"planned project of {plants.Count} turbine(s)";
        }

        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store);
        var result = await new ProjectAssessor(assessment).AssessAsync(new Project(name, plants, permit), cancellationToken);
        var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(plants, settings.FlickerYearOrThis, cancellationToken);
        renderer.Write(ShadowFlickerResults.AddTo(AssessmentResults.Project(result), flicker), format);
        return ExitCodes.Ok;
    }
}
