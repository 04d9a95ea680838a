using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Domain;
using VeSiting.Core.Explanations;
using VeSiting.Core.Questions;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Cli.Commands;

/// <summary>Options of the flicker commands: the calendar year computed.</summary>
public class FlickerSettings : AssessSettings
{
    [CommandOption("--flicker-year <YEAR>")]
    [Description("The calendar year whose minutes are computed (default: this year).")]
    public int? FlickerYear { get; init; }

    /// <summary>--flicker-year, else <paramref name="thisYear"/> (the year of the day whose rules apply).</summary>
    public int CalendarYearOr(int thisYear) => FlickerYearQuestion.Parse(FlickerYear).OrExit().Given ?? thisYear;
}

/// <summary><c>vesiting flicker dwellings --file LAYOUT</c>: every dwelling within a planned layout's reach and its shadow flicker.</summary>
public sealed class FlickerDwellingsCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<FlickerDwellingsCommand.Settings>
{
    public sealed class Settings : FlickerSettings
    {
        [CommandOption("--file <GEOJSON>")]
        [Description("Planned layout: Point turbines with hub_height_m and rotor_diameter_m (as for assess project). Without it: the turbines in operation of --municipality.")]
        public string? File { get; init; }

        [CommandOption("--municipality <CODE>")]
        [Description("A municipality: its dwellings and the flicker from the turbines in operation.")]
        public string? Municipality { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.File is null == settings.Municipality is null)
            throw new UsageException("give either --file LAYOUT.geojson or --municipality CODE");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var assessor = new ShadowFlickerAssessor(assessment);
        if (settings.File is { } file)
        {
            if (!System.IO.File.Exists(file))
                throw new UsageException($"--file: {file} does not exist");
            var (plants, _) = new PlannedProjectReader().Read(file);
            renderer.Write(ShadowFlickerResults.Table(Path.GetFileNameWithoutExtension(file), await assessor.ForPlantsAsync(plants, settings.CalendarYearOr(assessment.Today.Year), cancellationToken)), settings.OutputFormat);
            return ExitCodes.Ok;
        }
        var wanted = int.TryParse(settings.Municipality, out var number) ? number : -1;
        var area = (await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken)).FirstOrDefault(a => a.Code == settings.Municipality || a.NumericCode == wanted)
            ?? throw new NotFoundException($"no municipality with code '{settings.Municipality}'");
        renderer.Write(ShadowFlickerResults.Table(Reason.Of("cli.flicker-municipality", ("code", area.Code), ("name", area.Name)).Rendered, await assessor.ForMunicipalityAsync(area, settings.CalendarYearOr(assessment.Today.Year), cancellationToken)), settings.OutputFormat);
        return ExitCodes.Ok;
    }
}

/// <summary><c>vesiting flicker calendar</c>: one dwelling's spells of flicker (date, Danish clock times, minutes, turbines).</summary>
public sealed class FlickerCalendarCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<FlickerCalendarCommand.Settings>
{
    public sealed class Settings : FlickerSettings
    {
        [CommandOption("--lat <DEGREES>")]
        public string? Lat { get; init; }

        [CommandOption("--lon <DEGREES>")]
        public string? Lon { get; init; }

        [CommandOption("--utm <\"E N\">")]
        [Description("Position in ETRS89 / UTM 32N.")]
        public string? Utm { get; init; }

        [CommandOption("-a|--address <TEXT>")]
        public string? Address { get; init; }

        [CommandOption("--file <GEOJSON>")]
        [Description("A planned layout to compute from instead of the turbines in operation.")]
        public string? File { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var location = PointArguments.Question(settings.Lat, settings.Lon, settings.Utm, settings.Address);
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var resolved = await PointArguments.ResolveAsync(location, store, cancellationToken);
        var (point, description, address) = (resolved.Point, resolved.Label, resolved.Address);
        IReadOnlyList<Plant>? layout = null;
        if (settings.File is { } file)
        {
            if (!System.IO.File.Exists(file))
                throw new UsageException($"--file: {file} does not exist");
            layout = new PlannedProjectReader().Read(file).Plants;
        }
        var home = address is not null ? FlickerHome.Of(address) : new FlickerHome(description, description, point);
        var (part, calendar) = await new ShadowFlickerAssessor(assessment).CalendarAsync(home, settings.CalendarYearOr(assessment.Today.Year), layout, cancellationToken);
        renderer.Write(ShadowFlickerResults.Calendar(part, calendar), settings.OutputFormat);
        return ExitCodes.Ok;
    }
}
