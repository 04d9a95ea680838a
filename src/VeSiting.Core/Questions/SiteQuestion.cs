namespace VeSiting.Core.Questions;

/// <summary>
/// "What does distance mean for this home or firm?": a location (<see cref="LocationQuestion"/>) and a consumption
/// (<see cref="ConsumptionQuestion"/>). The service's <c>/api/assess/site</c> and the command line's <c>assess site</c>
/// both ask it; each maps its own syntax onto <see cref="LocationText"/> and <see cref="ConsumptionText"/>.
/// </summary>
public sealed record SiteQuestion(LocationQuestion Location, ConsumptionProfile Profile)
{
    /// <summary>The question, or the first refusal: the location first, then the consumption.</summary>
    public static Outcome<SiteQuestion> Parse(LocationText location, ConsumptionText consumption, IReadOnlyDictionary<string, ConsumptionProfile> profiles)
    {
        if (!LocationQuestion.Parse(location).TryGet(out var where, out var refusal))
            return refusal;
        if (!ConsumptionQuestion.Parse(consumption, profiles).TryGet(out var profile, out refusal))
            return refusal;
        return new SiteQuestion(where, profile);
    }
}
