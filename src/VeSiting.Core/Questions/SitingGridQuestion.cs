using VeSiting.Core.Suitability.Places;

namespace VeSiting.Core.Questions;

/// <summary>A siting grid as typed (null: not given): the cell size, and how ranked cells become distinct sites.</summary>
public sealed record SitingGridText(string? Cell = null, string? Separation = null, string? Tolerance = null);

/// <summary>
/// The grid of a siting question: the cell size (<see cref="InputLimits.MinCellM"/>–<see cref="InputLimits.MaxCellM"/> m,
/// default <see cref="DefaultCellM"/>) and the distinct-site rule (separation and tolerance, defaults of
/// <see cref="DistinctSiteRule"/>). <c>/api/sites</c> (query and body) and the command line's <c>sites</c> read it here;
/// refusals name <c>cell</c>, <c>separation</c> or <c>tolerance</c>.
/// </summary>
public sealed record SitingGridQuestion(double CellM, DistinctSiteRule Distinct)
{
    public const double DefaultCellM = 1_000;
    public static Reason CellWhat => ValueText.What("cell");
    public static Reason SeparationWhat => ValueText.What("separation");
    public static Reason ToleranceWhat => ValueText.What("tolerance");

    public static Outcome<SitingGridQuestion> Parse(SitingGridText text)
    {
        if (text.Cell is { } cell && ValueText.Number(cell, InputLimits.MinCellM, InputLimits.MaxCellM, CellWhat) is { } badCell)
            return Refusal.Invalid("cell", badCell);
        if (text.Separation is { } separation && ValueText.Number(separation, 0, DistinctSiteRule.MaxSeparationM, SeparationWhat) is { } badSeparation)
            return Refusal.Invalid("separation", badSeparation);
        if (text.Tolerance is { } tolerance && ValueText.Number(tolerance, 0, DistinctSiteRule.MaxTolerance, ToleranceWhat) is { } badTolerance)
            return Refusal.Invalid("tolerance", badTolerance);
        return new SitingGridQuestion(text.Cell is null ? DefaultCellM : ValueText.ParsedNumber(text.Cell),
            DistinctSiteRule.Of(Number(text.Separation), Number(text.Tolerance)));
    }

    /// <summary>A cell size given as a number (a JSON body's, a cached raster's key): null when in range, else the reason.</summary>
    public static Reason? CellProblem(double cell) => ValueText.Number(cell.ToString("R", CultureInfo.InvariantCulture), InputLimits.MinCellM, InputLimits.MaxCellM, CellWhat);

    private static double? Number(string? text) => text is null ? null : ValueText.ParsedNumber(text);
}
