namespace VeSiting.Core.Assessments.Comparison;

/// <summary>Which value of a row is the better one, from the row's definition.</summary>
public enum Better
{
    /// <summary>Fewer dwellings affected, less noise or flicker.</summary>
    Lower,
    /// <summary>More capacity, production, green pool or VE-bonus per household.</summary>
    Higher,
    /// <summary>Neither: a fact of the layout (its number of turbines) or money that is one party's cost and another's income.</summary>
    Neither,
}

/// <summary>
/// One measure across the layouts: its id (stable, for scripts), what it measures (a reason rendered in each language), its
/// unit, what kind of figure it is (law, proposal, estimate; null: given by the layout itself), which direction is better,
/// one value per layout (null: not assessed for that layout), the layouts holding the best value (none when every value is the
/// same or the row has no direction), and the differences in words.
/// </summary>
public sealed record ComparisonRow(
    string Id,
    Reason Measure,
    string Unit,
    AnswerStatus? Status,
    Better Better,
    IReadOnlyList<double?> Values,
    IReadOnlyList<int> Best,
    IReadOnlyList<Reason> Differences)
{
    /// <summary>The status as answers write it: law, proposal, estimate, or layout (a figure of the layout as given).</summary>
    public string StatusLabel => Status?.ToString().ToLowerInvariant() ?? "layout";

    public string BetterLabel => Better.ToString().ToLowerInvariant();

    /// <summary><see cref="StatusLabel"/> as a word of the answer's language (its English text the label).</summary>
    public Reason StatusWord => Reason.Word("status", StatusLabel);

    /// <summary><see cref="BetterLabel"/> as a word of the answer's language (its English text the label).</summary>
    public Reason BetterWord => Reason.Word("compare.better", BetterLabel);

    /// <summary><see cref="Unit"/> as a word of the answer's language (its English text the unit).</summary>
    public Reason UnitWord => Unit switch
    {
        "turbines" => Reason.Of("compare.unit-word.turbines"),
        "solar areas" => Reason.Of("compare.unit-word.solar-areas"),
        "dwellings" => Reason.Of("compare.unit-word.dwellings"),
        "households" => Reason.Of("compare.unit-word.households"),
        "MWh/yr" => Reason.Of("compare.unit-word.mwh-per-year"),
        "DKK/yr" => Reason.Of("compare.unit-word.dkk-per-year"),
        "DKK" => Reason.Of("compare.unit-word.dkk"),
        "h/yr" => Reason.Of("compare.unit-word.hours-per-year"),
        "MW" => Reason.Of("compare.unit-word.mw"),
        "dB(A)" => Reason.Of("compare.unit-word.dba"),
        _ => Reason.Plain(Unit),
    };
}
