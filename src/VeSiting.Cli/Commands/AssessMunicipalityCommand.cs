using VeSiting.Core.Noise;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess municipality</c>: totals for one municipality.</summary>
public sealed class AssessMunicipalityCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<AssessMunicipalityCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("--code <CODE>")]
        [Description("Municipality code, e.g. 573 or 0573 (Varde).")]
        public string? Code { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var question = MunicipalityQuestion.Parse(settings.Code).OrExit();
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var result = (await new MunicipalityAssessor(assessment).AssessAsync(question.Code, cancellationToken)).OrExit();
        var noise = await new OperatingNoiseAssessor(assessment).ForAreaAsync(result.Area, cancellationToken);
        renderer.Write(OperatingNoiseResults.AddTo(AssessmentResults.Municipality(result), noise), format);
        return ExitCodes.Ok;
    }
}
