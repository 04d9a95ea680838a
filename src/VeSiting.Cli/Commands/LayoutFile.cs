using VeSiting.Core.Outcomes;
using VeSiting.Data.Importers.Projects;

namespace VeSiting.Cli.Commands;

/// <summary>
/// A layout file (<c>--file</c>) read as the service reads a layout body (<see cref="PlannedLayouts"/>: checked, then
/// read), so the same layout gets the same answer or refusal from both front ends.
/// </summary>
internal static class LayoutFile
{
    /// <summary>What a layout file's refusal names when it is about the file as a whole.</summary>
    public const string Field = "file";

    /// <summary>The layout in <paramref name="file"/>, or the refusal: the property it names, else <paramref name="field"/> (not there, not JSON).</summary>
    public static Outcome<PlannedLayout> Read(string file, string field = Field) =>
        File.Exists(file) ? PlannedLayouts.Parse(File.ReadAllText(file), field, Path.GetFileName(file)) : Refusal.Invalid(field, Core.Explanations.Reason.Of("file.missing", ("file", file)));

    /// <summary>The layout of <c>--file</c>, or the usage error naming the option (and the property, and every error found).</summary>
    public static PlannedLayout ReadOrExit(string file) => Read(file).OrExitIn("--file", Field);

    /// <summary>
    /// The answer of a question that carries the layout of <c>--file</c>, or its refusal as the command line says it: the
    /// layout's own as <see cref="ReadOrExit"/> says it, any other naming its option.
    /// </summary>
    public static T OrExitIn<T>(this Outcome<T> outcome, Outcome<PlannedLayout>? layout)
    {
        if (outcome.TryGet(out var value, out var refusal))
            return value;
        if (layout is { Refusal: { } own } && ReferenceEquals(own, refusal))
            layout.Value.OrExitIn("--file", Field);
        throw CliRefusals.Exception(refusal);
    }
}
