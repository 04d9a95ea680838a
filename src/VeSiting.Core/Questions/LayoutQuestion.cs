namespace VeSiting.Core.Questions;

/// <summary>
/// "What does this planned layout do around it?": a layout (<see cref="PlannedLayout"/>, read by each front end with the
/// same checks; its refusal as the reader gave it) and the flicker year. The service's <c>POST /api/noise-bands</c> (noise
/// and flicker bands with the dwellings within them) and the command line's <c>flicker dwellings --file</c> (the flicker
/// at every dwelling within reach) both ask it. Refusals: the layout's first (its property, or what holds it), then
/// <c>flickerYear</c>.
/// </summary>
public sealed record LayoutQuestion(IReadOnlyList<Plant> Plants, FlickerYearQuestion FlickerYear)
{
    public static Outcome<LayoutQuestion> Parse(Outcome<PlannedLayout> layout, int? flickerYear)
    {
        if (!layout.TryGet(out var read, out var refusal) || !FlickerYearQuestion.Parse(flickerYear).TryGet(out var year, out refusal))
            return refusal;
        return new LayoutQuestion(read.Plants, year);
    }
}
