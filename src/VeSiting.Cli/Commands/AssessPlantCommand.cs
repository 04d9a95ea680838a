using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Reports;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess plant</c>: existing turbines by GSRN, assessed together as one project.</summary>
public sealed class AssessPlantCommand(CliConsole console, DataContext data, ResultRenderer renderer) : AsyncCommand<AssessPlantCommand.Settings>
{
    public sealed class Settings : AssessProjectSettings
    {
        [CommandOption("--gsrn <GSRN>")]
        [Description("A registered plant's id (repeatable: several turbines of one park).")]
        public string[] Ids { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var report = settings.Report();
        var format = report is null ? settings.OutputFormat : default;
        if (settings.Ids.Length == 0)
            throw new UsageException("give at least one --gsrn");
        var permit = settings.ParsedPermitDate;
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var plants = new List<Plant>();
        foreach (var id in settings.Ids)
        {
            var plant = await store.FindPlantAsync(id, cancellationToken) ?? throw new NotFoundException($"no plant with GSRN '{id}' in the register");
            if (plant.Kind == PlantKind.WindTurbine && plant.TotalHeightM is null)
                throw new NotFoundException($"plant {plant.Id} has no known total height in the register, so the scheme rings cannot be drawn");
            plants.Add(plant);
        }
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var project = await ProjectAssessor.RegisteredAsync(store, plants, permit, cancellationToken);
        var result = await new ProjectAssessor(assessment).AssessAsync(project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(project.Plants, settings.FlickerYearOr(assessment.Today.Year), cancellationToken);
        if (report is { } r)
        {
            await System.IO.File.WriteAllBytesAsync(r.File, await CaseReports.MakeAsync(store, result, flicker, r.Language, r.Format, DateTimeOffset.UtcNow, cancellationToken), cancellationToken);
            console.Error.WriteLine($"wrote {r.File}: the case report of {result.Project.Name} ({result.Dwellings.Count} dwelling(s) within the rings)");
            return ExitCodes.Ok;
        }
        renderer.Write(ShadowFlickerResults.AddTo(AssessmentResults.Project(result), flicker), format);
        return ExitCodes.Ok;
    }
}
