using VeSiting.Data.Sources;

namespace VeSiting.Data.Rules;

/// <summary>The rule library of the project found by <see cref="ProjectLayout.Locate"/>: its rules, then the given user folders (or those in <c>VESITING_RULES</c>).</summary>
public static class ProjectRules
{
    public static RuleLibrary Load(IReadOnlyList<string>? userFolders = null)
    {
        var layout = ProjectLayout.Locate();
        var folders = userFolders is { Count: > 0 }
            ? userFolders
            : (Environment.GetEnvironmentVariable(RuleLibrary.UserRulesVariable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return RuleLibrary.Load(Path.Combine(layout.Root, "geodata"), folders);
    }
}
