using VeSiting.Core.Noise;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess site</c>: what distance means for one home or firm.</summary>
public sealed class AssessSiteCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<AssessSiteCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("--lat <DEGREES>")]
        public string? Lat { get; init; }

        [CommandOption("--lon <DEGREES>")]
        public string? Lon { get; init; }

        [CommandOption("--utm <\"E N\">")]
        [Description("ETRS89 / UTM 32N easting and northing.")]
        public string? Utm { get; init; }

        [CommandOption("-a|--address <TEXT>")]
        public string? Address { get; init; }

        [CommandOption("--building <ID>")]
        [Description("A GeoDanmark building id or BBR id: distances are measured from its footprint.")]
        public string? Building { get; init; }

        [CommandOption("--profile <ID>")]
        [Description("Consumption profile (default: household, 4,000 kWh).")]
        public string? Profile { get; init; }

        [CommandOption("--kwh <KWH>")]
        [Description("Annual consumption, e.g. a firm's 1200000.")]
        public string? Kwh { get; init; }

        [CommandOption("--tou <LOW,HIGH,PEAK>")]
        [Description("Shares of consumption in lavlast (00–06), højlast and spidslast (17–21), e.g. 0.6,0.3,0.1.")]
        public string? TimeOfUse { get; init; }

        [CommandOption("--customer <household|firm>")]
        [Description("Who pays: household (VAT included) or firm (VAT-registered: VAT excluded, deductible); default: the profile's, else household.")]
        public string? Customer { get; init; }

        [CommandOption("--process-refund")]
        [Description("A firm's electricity for processes: elafgift refunded at the price stack's rate (needs --customer firm).")]
        public bool ProcessRefund { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var library = RuleContext.LoadLibrary(settings.RuleFolders);
        var question = SiteQuestion.Parse(
            PointArguments.Text(settings.Lat, settings.Lon, settings.Utm, settings.Address, settings.Building),
            new ConsumptionText(settings.Profile, settings.Kwh, settings.TimeOfUse, settings.Customer, settings.ProcessRefund ? "true" : null),
            library.Profiles).OrExit();
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today, library);
        var site = await PointArguments.ResolveAsync(question.Location, store, cancellationToken);
        var result = await new SiteAssessor(assessment).AssessAsync(site.Site, site.Label, question.Profile, cancellationToken);
        var noise = await new OperatingNoiseAssessor(assessment).ForHomeAsync(site.Label, site.Label, site.Point, cancellationToken);
        renderer.Write(OperatingNoiseResults.AddTo(AssessmentResults.Site(result), noise), format);
        return ExitCodes.Ok;
    }
}
