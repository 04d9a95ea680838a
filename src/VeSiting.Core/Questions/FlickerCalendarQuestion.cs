using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Core.Questions;

/// <summary>
/// "When does flicker fall on this dwelling?": a location (<see cref="LocationQuestion"/>, no building), the flicker year,
/// and a planned layout to compute from instead of the turbines in operation (null: those). The service's
/// <c>/api/shadow-flicker/calendar</c> (GET; POST with the layout as the body) and the command line's <c>flicker calendar</c>
/// (<c>--file</c> for the layout) both ask it. Refusals: the location first, then <c>flickerYear</c>, then the layout's; an
/// address the data does not hold is "not found" when the question is resolved.
/// </summary>
public sealed record FlickerCalendarQuestion(LocationQuestion Location, FlickerYearQuestion FlickerYear, IReadOnlyList<Plant>? Layout)
{
    public static Outcome<FlickerCalendarQuestion> Parse(LocationText location, int? flickerYear, Outcome<PlannedLayout>? layout = null)
    {
        if (!LocationQuestion.Parse(location, buildings: false).TryGet(out var where, out var refusal)
            || !FlickerYearQuestion.Parse(flickerYear).TryGet(out var year, out refusal))
            return refusal;
        PlannedLayout? read = null;
        if (layout is { } given && !given.TryGet(out read, out refusal))
            return refusal;
        return new FlickerCalendarQuestion(where, year, read?.Plants);
    }

    /// <summary>The dwelling: an address as the register has it (its id and label), else the point with the location's label.</summary>
    public async Task<Outcome<FlickerHome>> HomeAsync(ISpatialStore store, CancellationToken cancellationToken = default)
    {
        if (!(await Location.ResolveAsync(store, cancellationToken)).TryGet(out var site, out var refusal))
            return refusal;
        return site.Address is { } address ? FlickerHome.Of(address) : new FlickerHome(site.Label, site.Label, site.Point);
    }
}
