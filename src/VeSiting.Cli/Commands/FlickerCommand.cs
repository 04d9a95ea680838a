using VeSiting.Core.Explanations;
using VeSiting.Core.Outcomes;
using VeSiting.Core.ShadowFlicker;

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
        // The layout is read as the service reads a body, before the data is loaded, so a bad file is said at once.
        LayoutQuestion? question = null;
        if (settings.File is { } given)
        {
            var layout = LayoutFile.Read(given);
            question = LayoutQuestion.Parse(layout, settings.FlickerYear).OrExitIn(layout);
        }
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var assessor = new ShadowFlickerAssessor(assessment);
        if (question is not null && settings.File is { } file)
        {
            renderer.Write(ShadowFlickerResults.Table(Path.GetFileNameWithoutExtension(file), await assessor.ForPlantsAsync(question.Plants, question.FlickerYear.For(assessment.Today), cancellationToken)), settings.OutputFormat);
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
        // The options mapped onto the one question (the layout read as the service reads a body), checked before the data is loaded.
        var layout = settings.File is { } file ? LayoutFile.Read(file) : (Outcome<PlannedLayout>?)null;
        var question = FlickerCalendarQuestion.Parse(PointArguments.Text(settings.Lat, settings.Lon, settings.Utm, settings.Address), settings.FlickerYear, layout)
            .OrExitIn(layout);
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, _) = RuleContext.Create(settings, store, data.Today);
        var home = (await question.HomeAsync(store, cancellationToken)).OrExit();
        var (part, calendar) = await new ShadowFlickerAssessor(assessment).CalendarAsync(home, question.FlickerYear.For(assessment.Today), question.Layout, cancellationToken);
        renderer.Write(ShadowFlickerResults.Calendar(part, calendar), settings.OutputFormat);
        return ExitCodes.Ok;
    }
}
