using VeSiting.Core.ShadowFlicker;

namespace VeSiting.Core.Assessments.Comparison;

/// <summary>
/// One layout of a comparison: its column key (A, B, …), its name, and its project answer as the project endpoints give it —
/// the assessment (rings, schemes, money, noise) and its shadow-flicker part.
/// </summary>
public sealed record ComparedLayout(string Key, string Name, ProjectAssessment Assessment, ShadowFlickerPart? Flicker)
{
    /// <summary>The column keys in order: A, B, C, …</summary>
    public static string KeyOf(int index) => ((char)('A' + index)).ToString();
}
