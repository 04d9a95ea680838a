using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Assessments;
using VeSiting.Core.Assessments.Comparison;
using VeSiting.Core.Domain;
using VeSiting.Core.Explanations;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Stores;
using VeSiting.Data.Exports;
using VeSiting.Data.Importers.Projects;
using VeSiting.Data.Projects;
using VeSiting.Data.Sources;
using VeSiting.Stores.PostGis;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess compare</c>: 2–5 layouts (GeoJSON files or saved projects) side by side, as <c>POST /api/assess/compare</c> answers.</summary>
public sealed class AssessCompareCommand(DataContext data, ResultRenderer renderer, CliConsole console) : AsyncCommand<AssessCompareCommand.Settings>
{
    public sealed class Settings : AssessProjectSettings
    {
        [CommandOption("--file <GEOJSON>")]
        [Description("A layout to compare (repeatable): the GeoJSON of `assess project --file`; its `name` (else the file name) names its column.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--project <ID>")]
        [Description("A saved project to compare (repeatable): from PostGIS with --db, else from the service's state folder (--state).")]
        public string[] Projects { get; init; } = [];

        [CommandOption("--state <DIR>")]
        [Description("The service's state folder holding saved projects on the embedded engine (default: .data in the repository, as the service).")]
        public string? State { get; init; }

        /// <summary>Table, JSON and CSV as other commands; gpkg to the --out file.</summary>
        public bool GeoPackage => Format.Trim().Equals("gpkg", StringComparison.OrdinalIgnoreCase);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if ((settings.Files.Length > 0) == (settings.Projects.Length > 0))
            throw new UsageException("give the layouts as --file LAYOUT.geojson (repeated) or --project ID (repeated), not both");
        var count = settings.Files.Length + settings.Projects.Length;
        if (count is < LayoutComparer.MinLayouts or > LayoutComparer.MaxLayouts)
            throw new UsageException($"{count} layout(s); a comparison takes {LayoutComparer.MinLayouts} to {LayoutComparer.MaxLayouts}");
        var format = settings.GeoPackage ? (OutputFormat?)null : settings.OutputFormat;
        if (format == OutputFormat.GeoJson)
            throw new UsageException("--format: a comparison is table, json, csv or gpkg");
        if (settings.GeoPackage && settings.Out is null)
            throw new UsageException("--format gpkg needs --out FILE.gpkg");
        if (!settings.GeoPackage && settings.Out is not null)
            throw new UsageException("--out is for --format gpkg");

        var layouts = settings.Files.Length > 0
            ? settings.Files.Select(ReadFile).ToList()
            : await SavedAsync(settings, cancellationToken);
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var compared = new List<ComparedLayout>();
        foreach (var (layout, i) in layouts.Select((l, i) => (l, i)))
        {
            var permit = settings.ParsedPermitDate ?? layout.Permit;
            var result = await new ProjectAssessor(assessment).AssessAsync(new Project(layout.Name, layout.Plants, permit), cancellationToken);
            var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(layout.Plants, settings.FlickerYearOr(assessment.Today.Year), cancellationToken);
            compared.Add(new ComparedLayout(ComparedLayout.KeyOf(i), layout.Name, result, flicker));
        }
        var comparison = new LayoutComparer(assessment.Rules).Compare(compared);
        if (settings.GeoPackage)
        {
            ComparisonExport.WriteGeoPackage(settings.Out!, comparison);
            console.Status.MarkupLineInterpolated($"{Reason.Of("cli.wrote-comparison", ("file", settings.Out!), ("layouts", comparison.Layouts.Count), ("rows", comparison.Rows.Count)).Rendered}");
            return ExitCodes.Ok;
        }
        if (format == OutputFormat.Csv)
        {
            console.Output.Write(ComparisonExport.Csv(comparison));
            return ExitCodes.Ok;
        }
        renderer.Write(ComparisonResults.Table(comparison), format!.Value);
        return ExitCodes.Ok;
    }

    private sealed record Layout(string Name, IReadOnlyList<Plant> Plants, DateOnly? Permit);

    private static Layout ReadFile(string file)
    {
        if (!File.Exists(file))
            throw new UsageException($"--file: {file} does not exist");
        var (plants, permit) = new PlannedProjectReader().Read(file);
        return new Layout(LayoutFile.Name(file), plants, permit);
    }

    private async Task<List<Layout>> SavedAsync(Settings settings, CancellationToken cancellationToken)
    {
        var layouts = new List<Layout>();
        await using var dataSource = settings.DatabaseOrEnvironment is { } connection ? PostGisConnection.CreateDataSource(connection) : null;
        IProjectStore projects = dataSource is not null ? new PostGisProjectStore(dataSource)
            : new FileProjectStore(Path.Combine(settings.State is { Length: > 0 } state ? Path.GetFullPath(state) : Path.Combine(ProjectLayout.Locate().Root, ".data"), "projects"));
        foreach (var id in settings.Projects)
        {
            if (!SavedProject.IsValidId(id))
                throw new UsageException($"--project: '{id}' is not a project id (1–64 lower-case letters, digits and dashes)");
            var saved = await projects.GetAsync(id, cancellationToken) ?? throw new UsageException($"--project: no saved project '{id}'");
            using var document = JsonDocument.Parse(saved.GeoJson);
            var (plants, permit) = new PlannedProjectReader().Read(document.RootElement, $"project {id}");
            layouts.Add(new Layout(saved.Name, plants, permit));
        }
        return layouts;
    }
}
