namespace VeSiting.Core.Suitability.Places;

/// <summary>
/// How a ranked grid becomes a list of places rather than neighbouring cells. Cells are taken best first (score, then
/// cell id); the best cell not yet taken starts a place, unless it lies closer than <see cref="SeparationM"/> to a better
/// place's best cell; the place then takes every cell connected to it (8-neighbours) that scores at least its best score
/// minus <see cref="Tolerance"/>, lies closer than the separation to its best cell (so an evenly good area is shared among
/// several places rather than being one) and no better place has taken. These are the product's choices, not legal numbers.
/// </summary>
public sealed record DistinctSiteRule(double SeparationM, double Tolerance)
{
    /// <summary>Places' best cells at least 2 km apart; a place reaches down to 5 points below its best cell.</summary>
    public static readonly DistinctSiteRule Default = new(DefaultSeparationM, DefaultTolerance);

    public const double DefaultSeparationM = 2_000;
    public const double DefaultTolerance = 5;
    public const double MaxSeparationM = 100_000;
    public const double MaxTolerance = 100;

    /// <summary>The field and the reason when a value is out of range (separation 0–100,000 m, tolerance 0–100 points), or null.</summary>
    public static (string Field, string Reason)? Problem(double? separationM, double? tolerance)
    {
        if (separationM is { } s && !(s >= 0 && s <= MaxSeparationM))
            return ("separation", $"{s} m is not between 0 and {MaxSeparationM:0} m (the least distance between two sites' best cells)");
        if (tolerance is { } t && !(t >= 0 && t <= MaxTolerance))
            return ("tolerance", $"{t} is not between 0 and {MaxTolerance:0} score points (how far below its best cell a site's area reaches)");
        return null;
    }

    /// <summary>The rule with the given values (defaults where null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range, naming it.</exception>
    public static DistinctSiteRule Of(double? separationM, double? tolerance)
    {
        if (Problem(separationM, tolerance) is { } problem)
            throw new ArgumentOutOfRangeException(problem.Field, problem.Reason);
        return new DistinctSiteRule(separationM ?? DefaultSeparationM, tolerance ?? DefaultTolerance);
    }
}
