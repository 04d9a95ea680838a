namespace VeSiting.Core.Rules;

/// <summary>
/// The permit date the rules are chosen by, and how it was found. Registers carry connection dates, not permit
/// dates; a permit always precedes the connection, so the connection date (the year's last day where only the year
/// is known) is an upper bound. Then <see cref="IsUpperBound"/> is set: the answer assumes the latest possible
/// permit date and gives the outcome for every earlier rule period the permit could fall in as well
/// (<see cref="EarlierPeriodEnds"/>).
/// </summary>
public sealed record PermitBasis(DateOnly? Date, bool IsAssumed, string Explanation)
{
    /// <summary>A basis whose explanation is data (<see cref="Why"/>); <see cref="Explanation"/> is its English text.</summary>
    public PermitBasis(DateOnly? date, bool isAssumed, Reason why) : this(date, isAssumed, why.Text) => Why = why;

    /// <summary>The explanation as a code and values (plain text when built from a string).</summary>
    public Reason Why { get; init; } = Reason.Plain(Explanation);

    public bool IsUpperBound { get; init; }

    public static PermitBasis For(Plant plant, DateOnly today)
    {
        if (plant.PermitDate is { } permit)
            return new PermitBasis(permit, false, plant.PermitDateSource is { } source
                ? Reason.Of("permit.given-source", ("date", permit), ("source", source))
                : Reason.Of("permit.given", ("date", permit)));
        if (plant.Status == PlantStatus.Planned)
            return new PermitBasis(today, true, Reason.Of("permit.planned-assumed", ("date", today)));
        if (plant.ConnectedOn is { } connected)
        {
            var yearOnly = plant.ConnectedOnPrecision == DatePrecision.Year;
            var bound = yearOnly ? new DateOnly(connected.Year, 12, 31) : connected;
            var when = yearOnly ? Reason.Of("permit.connected-year", ("year", connected.Year)) : Reason.Of("permit.connected-on", ("date", connected));
            return new PermitBasis(bound, true,
                Reason.Of("permit.upper-bound", ("when", when), ("bound", bound)))
            { IsUpperBound = true };
        }
        return new PermitBasis(null, true, Reason.Of("permit.unknown"));
    }

    /// <summary>The basis of a project: a given permit date wins; otherwise the member with the earliest bound (one permit covers them all).</summary>
    public static PermitBasis ForProject(IReadOnlyList<Plant> members, DateOnly today)
    {
        var bases = members.Select(m => For(m, today)).ToList();
        return bases.FirstOrDefault(b => !b.IsAssumed)
            ?? bases.Where(b => b.Date is not null).OrderBy(b => b.Date).FirstOrDefault()
            ?? bases[0];
    }

    /// <summary>
    /// When the date is only an upper bound: the last day before each later rule period began, newest first — one
    /// permit date in each earlier period whose rules differ. Empty when the date is known.
    /// </summary>
    public IReadOnlyList<DateOnly> EarlierPeriodEnds(RuleBook book)
    {
        if (!IsUpperBound || Date is not { } bound)
            return [];
        var earliest = book.EarliestOfAll ?? bound;
        return book.All.Where(s => Schemes.DependsOnPermitDate(s.Scheme))
            .Select(s => s.Period.From).Where(from => from <= bound && from > earliest)
            .Distinct().OrderDescending().Select(from => from.AddDays(-1)).ToList();
    }
}
