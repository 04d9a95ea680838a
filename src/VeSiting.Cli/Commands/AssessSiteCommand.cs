using System.ComponentModel;
using System.Globalization;
using NetTopologySuite.Geometries;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Assessments;
using VeSiting.Core.Noise;
using VeSiting.Core.Tariffs;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting assess site</c>: what distance means for one home or firm.</summary>
public sealed class AssessSiteCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<AssessSiteCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("--lat <DEGREES>")]
        public double? Lat { get; init; }

        [CommandOption("--lon <DEGREES>")]
        public double? Lon { get; init; }

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
        public string Profile { get; init; } = "household";

        [CommandOption("--kwh <KWH>")]
        [Description("Annual consumption, e.g. a firm's 1200000.")]
        public double? Kwh { get; init; }

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
        if (settings.Building is null)
            PointArguments.Validate(settings.Lat, settings.Lon, settings.Utm, settings.Address);
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, library) = RuleContext.Create(settings, store, data.Today);
        var profile = ProfileOf(settings, library.Profiles.TryGetValue(settings.Profile, out var p) ? p
            : throw new UsageException($"--profile: '{settings.Profile}' is not one of {string.Join(", ", library.Profiles.Keys)}"));

        Geometry site;
        string label;
        if (settings.Building is not null)
        {
            if (settings.Lat is not null || settings.Lon is not null || settings.Utm is not null || settings.Address is not null)
                throw new UsageException("give exactly one location: --lat and --lon, --utm, --address or --building");
            var building = await store.FindBuildingAsync(settings.Building, cancellationToken)
                ?? throw new NotFoundException($"no building with id or BBR id '{settings.Building}'");
            (site, label) = (building.Footprint, $"building {building.Id} (BBR {building.BbrId ?? "unknown"})");
        }
        else
        {
            var resolved = await PointArguments.ResolveAsync(settings.Lat, settings.Lon, settings.Utm, settings.Address, store, cancellationToken);
            (site, label) = (resolved.Point, resolved.Description);
        }
        var result = await new SiteAssessor(assessment).AssessAsync(site, label, profile, cancellationToken);
        var noise = await new OperatingNoiseAssessor(assessment).ForHomeAsync(label, label, site as Point ?? site.Centroid, cancellationToken);
        renderer.Write(OperatingNoiseResults.AddTo(AssessmentResults.Site(result), noise), format);
        return ExitCodes.Ok;
    }

    private static ConsumptionProfile ProfileOf(Settings settings, ConsumptionProfile profile)
    {
        if (settings.Kwh is { } kwh)
        {
            if (!(kwh > 0))
                throw new UsageException($"--kwh: {kwh} is not a positive consumption");
            profile = profile with { Id = "custom", Title = $"custom, {kwh:0} kWh", AnnualKwh = kwh };
        }
        if (settings.TimeOfUse is { } tou)
        {
            var parts = tou.Split(',', StringSplitOptions.TrimEntries);
            var values = parts.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
            if (values.Length != 3 || values.Any(v => double.IsNaN(v) || v < 0) || values.Sum() <= 0)
                throw new UsageException($"--tou: '{tou}' is not three non-negative shares LOW,HIGH,PEAK (e.g. 0.6,0.3,0.1)");
            profile = profile with { Title = $"{profile.Title}, time of use {tou}", Shares = TimeOfUseShares.Uniform(values[0], values[1], values[2]) };
        }
        var customer = settings.Customer?.ToLowerInvariant() switch
        {
            null => profile.Customer,
            "household" => Customer.Household,
            "firm" => Customer.Firm,
            _ => throw new UsageException($"--customer: '{settings.Customer}' is not household or firm"),
        };
        var processRefund = settings.ProcessRefund || profile.ProcessRefund && customer == Customer.Firm;
        if (processRefund && customer != Customer.Firm)
            throw new UsageException("--process-refund: the process refund of elafgift is for VAT-registered firms only: add --customer firm");
        return profile with { Customer = customer, ProcessRefund = processRefund };
    }
}
