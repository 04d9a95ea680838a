namespace VeSiting.Core.Questions;

/// <summary>
/// The calendar year whose shadow flicker is computed (<c>flickerYear</c>; the command line's <c>--flicker-year</c>):
/// <see cref="InputLimits.MinFlickerYear"/> to <see cref="InputLimits.MaxYear"/>, default the year of the day whose rules
/// apply. Every answer with a flicker part reads it here.
/// </summary>
public sealed record FlickerYearQuestion(int? Given)
{
    public const string Field = "flickerYear";

    public static Outcome<FlickerYearQuestion> Parse(int? year) => year is null or (>= InputLimits.MinFlickerYear and <= InputLimits.MaxYear)
        ? new FlickerYearQuestion(year)
        : Refusal.Invalid(Field, Reason.Of("flicker.not-year", ("value", year), ("min", InputLimits.MinFlickerYear), ("max", InputLimits.MaxYear)));

    /// <summary>The year given, else the year of <paramref name="today"/>.</summary>
    public int For(DateOnly today) => Given ?? today.Year;
}
