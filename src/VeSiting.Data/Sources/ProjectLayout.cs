namespace VeSiting.Data.Sources;

/// <summary>
/// Where the project's folders are: the repository root (holding <c>geodata/sources.json</c>),
/// the manifest and the data cache. Found from <c>VESITING_HOME</c>, else by walking up from the
/// working directory and then from the program's folder.
/// </summary>
public sealed record ProjectLayout(string Root)
{
    public const string HomeVariable = "VESITING_HOME";
    public const string CacheVariable = "VESITING_CACHE";

    public string ManifestPath => Path.Combine(Root, "geodata", SourceManifest.FileName);

    public string DefaultCacheDirectory => Path.Combine(Root, ".cache", "geodata");

    public static ProjectLayout Locate()
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(home))
        {
            var layout = new ProjectLayout(Path.GetFullPath(home));
            return File.Exists(layout.ManifestPath)
                ? layout
                : throw new DirectoryNotFoundException($"{HomeVariable}={home}, but {layout.ManifestPath} does not exist");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "geodata", SourceManifest.FileName)))
                    return new ProjectLayout(dir.FullName);
            }
        }
        throw new DirectoryNotFoundException(
            $"Cannot find geodata/{SourceManifest.FileName} above the working directory or the program; run from the VeSiting folder or set {HomeVariable}.");
    }

    /// <summary>The cache folder: an explicit choice, else <c>VESITING_CACHE</c>, else <c>.cache/geodata</c> in the repository.</summary>
    public string CacheDirectory(string? explicitChoice = null) =>
        Path.GetFullPath(explicitChoice
            ?? NonEmpty(Environment.GetEnvironmentVariable(CacheVariable))
            ?? DefaultCacheDirectory);

    /// <summary>Mirror folders in the order tried: explicit choices, else the manifest's environment variable, else the manifest's defaults.</summary>
    public IReadOnlyList<string> MirrorDirectories(SourceManifest manifest, IReadOnlyList<string>? explicitChoice = null)
    {
        IEnumerable<string> chosen = explicitChoice is { Count: > 0 }
            ? explicitChoice
            : NonEmpty(Environment.GetEnvironmentVariable(manifest.MirrorEnvironmentVariable)) is { } fromEnv
                ? fromEnv.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : manifest.Mirrors.Select(m => Path.Combine(Root, m));
        return chosen.Select(Path.GetFullPath).ToList();
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
