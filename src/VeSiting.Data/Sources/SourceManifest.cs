namespace VeSiting.Data.Sources;

/// <summary>The source manifest: every data source with checksum, licence, attribution and where to get it.</summary>
public sealed record SourceManifest
{
    public const string FileName = "sources.json";

    /// <summary>Mirror folders, relative to the repository root unless absolute.</summary>
    public IReadOnlyList<string> Mirrors { get; init; } = [];
    public string MirrorEnvironmentVariable { get; init; } = "VESITING_MIRROR";
    public required IReadOnlyList<SourceEntry> Sources { get; init; }

    /// <summary>The folder the manifest was read from (<c>geodata/</c>).</summary>
    public string Directory { get; init; } = ".";

    public SourceEntry this[string id] =>
        Sources.FirstOrDefault(s => s.Id == id)
        ?? throw new KeyNotFoundException($"No source '{id}' in {Path.Combine(Directory, FileName)}; known: {string.Join(", ", Sources.Select(s => s.Id))}");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static SourceManifest Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Source manifest not found: {path}", path);
        SourceManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SourceManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid source manifest: {e.Message}", e);
        }
        if (manifest is null || manifest.Sources.Count == 0)
            throw new InvalidDataException($"{path}: the manifest lists no sources");
        var duplicate = manifest.Sources.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"{path}: source id '{duplicate.Key}' appears more than once");
        foreach (var s in manifest.Sources)
        {
            if (s.Sha256.Length != 64 || !s.Sha256.All(Uri.IsHexDigit))
                throw new InvalidDataException($"{path}: source '{s.Id}': sha256 must be 64 hexadecimal digits");
            if (Path.IsPathRooted(s.File) || s.File.Split('/', '\\').Contains(".."))
                throw new InvalidDataException($"{path}: source '{s.Id}': file must be a relative path inside the mirror");
        }
        return manifest with { Directory = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }

    /// <summary>Attribution lines of the given sources (all loaded ones when none given), without repeats.</summary>
    public IReadOnlyList<string> Attributions(IEnumerable<string>? sourceIds = null)
    {
        var wanted = sourceIds?.ToHashSet();
        return Sources.Where(s => wanted is null ? s.Importer != "reference" : wanted.Contains(s.Id)).Select(s => s.Attribution).Distinct().ToList();
    }
}
