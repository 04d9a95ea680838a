using VeSiting.Core.ShadowFlicker;

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
        settings.Report();
        var question = PlantQuestion.Parse(new PlantText(settings.Ids, settings.PermitDate, settings.FlickerYear)).OrExit();
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var project = (await question.ResolveAsync(store, cancellationToken)).OrExit();
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var result = await new ProjectAssessor(assessment).AssessAsync(project, cancellationToken);
        var flicker = await new ShadowFlickerAssessor(assessment).ForPlantsAsync(project.Plants, question.FlickerYear.For(assessment.Today), cancellationToken);
        await settings.WriteAsync(console, renderer, store, result, flicker, cancellationToken);
        return ExitCodes.Ok;
    }
}
