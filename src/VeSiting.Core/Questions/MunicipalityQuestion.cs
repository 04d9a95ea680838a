namespace VeSiting.Core.Questions;

/// <summary>
/// "What do the plants mean for this municipality?": its code (<c>573</c> or <c>0573</c>; which municipality it names is
/// the assessor's answer, "not found" when none) and the flicker year. The service's <c>/api/assess/municipality/{code}</c>
/// and the command line's <c>assess municipality --code</c> both ask it; refusals name <c>code</c> or <c>flickerYear</c>.
/// </summary>
public sealed record MunicipalityQuestion(string Code, FlickerYearQuestion FlickerYear)
{
    public const string Field = "code";

    public static Outcome<MunicipalityQuestion> Parse(string? code, int? flickerYear = null)
    {
        if (string.IsNullOrWhiteSpace(code))
            return Refusal.Invalid(Field, Reason.Of("municipality.give-code"));
        if (!FlickerYearQuestion.Parse(flickerYear).TryGet(out var year, out var refusal))
            return refusal;
        return new MunicipalityQuestion(code.Trim(), year);
    }
}
