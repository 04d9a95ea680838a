using VeSiting.Core.Assessments.Comparison;
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
        var format = settings.GeoPackage ? (OutputFormat?)null : settings.OutputFormat;
        if (format == OutputFormat.GeoJson)
            throw new UsageException("--format: a comparison is table, json, csv or gpkg");
        if (settings.GeoPackage && settings.Out is null)
            throw new UsageException("--format gpkg needs --out FILE.gpkg");
        if (!settings.GeoPackage && settings.Out is not null)
            throw new UsageException("--out is for --format gpkg");

        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new UsageException($"--file: {file} does not exist");
        }
        // The options mapped onto the one question: each file read as the service reads a layout, at its place in the list.
        var files = settings.Files.Select((file, i) => new LayoutText(LayoutFile.Read(file, ComparisonQuestion.Field(ComparisonQuestion.LayoutsField, i)),
            Path.GetFileNameWithoutExtension(file))).ToList();
        var question = ComparisonQuestion.Parse(new ComparisonText(files, settings.Projects, settings.PermitDate, settings.FlickerYear)).OrExit(Option(settings));
        await using var dataSource = settings.Projects.Length > 0 && settings.DatabaseOrEnvironment is { } connection ? PostGisConnection.CreateDataSource(connection) : null;
        var projects = settings.Projects.Length == 0 ? null : dataSource is not null ? new PostGisProjectStore(dataSource)
            : (IProjectStore)new FileProjectStore(Path.Combine(settings.State is { Length: > 0 } state ? Path.GetFullPath(state) : Path.Combine(ProjectLayout.Locate().Root, ".data"), "projects"));
        var layouts = (await question.ResolveAsync(projects, (json, at) => PlannedLayouts.Parse(json, at, at), cancellationToken)).OrExit(Option(settings));

        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var compared = new List<ComparedLayout>();
        foreach (var (layout, i) in layouts.Select((l, i) => (l, i)))
        {
            var result = await new ProjectAssessor(assessment).AssessAsync(layout.Project, cancellationToken);
            var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(layout.Project.Plants, question.FlickerYear.For(assessment.Today), cancellationToken);
            compared.Add(new ComparedLayout(ComparedLayout.KeyOf(i), layout.Project.Name, result, flicker));
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

    /// <summary>
    /// The option a comparison's field is given with: the layouts as a whole <c>--file</c>, one of them <c>--file</c> and its
    /// path, the saved projects <c>--project</c>; other fields as every command names them.
    /// </summary>
    private static Func<string?, string?> Option(Settings settings) => field => field switch
    {
        ComparisonQuestion.LayoutsField => "--file",
        ComparisonQuestion.ProjectsField => "--project",
        _ when field?.StartsWith(ComparisonQuestion.LayoutsField + "[", StringComparison.Ordinal) == true
            && int.TryParse(field.AsSpan(ComparisonQuestion.LayoutsField.Length + 1, field.Length - ComparisonQuestion.LayoutsField.Length - 2), out var i)
            && i < settings.Files.Length => $"--file {settings.Files[i]}",
        _ when field?.StartsWith(ComparisonQuestion.ProjectsField + "[", StringComparison.Ordinal) == true => "--project",
        _ => null,
    };
}
