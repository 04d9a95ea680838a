namespace VeSiting.Data.Sources;

/// <summary>
/// The local manifest overlay: which sources use a file the user added instead of the built-in edition.
/// Kept as <c>added-sources.json</c> in the cache folder (never under geodata/), written atomically.
/// </summary>
public sealed record SourceOverlay(IReadOnlyList<AddedFile> Added)
{
    public const string FileName = "added-sources.json";

    /// <summary>Where added files are copied to, under the cache folder.</summary>
    public const string AddedFolder = "added";

    public static SourceOverlay Empty { get; } = new([]);

    public static string PathIn(string cacheDirectory) => Path.Combine(cacheDirectory, FileName);

    public AddedFile? Find(string sourceId) => Added.FirstOrDefault(a => a.SourceId == sourceId);

    public SourceOverlay With(AddedFile file) => new([.. Added.Where(a => a.SourceId != file.SourceId), file]);

    public SourceOverlay Without(string sourceId) => new(Added.Where(a => a.SourceId != sourceId).ToList());

    /// <summary>The manifest as loaded: built-in entries replaced by added editions, and added optional sources appended.</summary>
    public SourceManifest Apply(SourceManifest builtIn)
    {
        var sources = builtIn.Sources.Select(s => Find(s.Id) is { } added
            ? s with
            {
                File = added.File,
                Sha256 = added.Sha256,
                Bytes = added.Bytes,
                Title = $"{s.Title} (replaced by added file {added.OriginalName})",
                Upstream = null,
                DerivedFrom = null,
                Added = added,
            }
            : s).ToList();
        foreach (var added in Added.Where(a => builtIn.Sources.All(s => s.Id != a.SourceId)))
        {
            var optional = OptionalSource.Find(added.SourceId)
                ?? throw new InvalidDataException($"{FileName}: source '{added.SourceId}' is neither in the manifest nor an optional source; run `vesiting data reset {added.SourceId}`");
            sources.Add(optional.EntryFor(added));
        }
        return builtIn with { Sources = sources };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

    private sealed record Document(IReadOnlyList<AddedFile> Added);

    public static SourceOverlay Load(string cacheDirectory)
    {
        var path = PathIn(cacheDirectory);
        if (!System.IO.File.Exists(path))
            return Empty;
        try
        {
            var document = JsonSerializer.Deserialize<Document>(System.IO.File.ReadAllText(path), Json);
            return new SourceOverlay(document?.Added ?? []);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid overlay of added sources: {e.Message}", e);
        }
    }

    /// <summary>Writes to a temporary file and moves it into place, so a reader never sees half an overlay.</summary>
    public void Save(string cacheDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        var path = PathIn(cacheDirectory);
        var temporary = path + $".{Guid.NewGuid():N}.partial";
        System.IO.File.WriteAllText(temporary, JsonSerializer.Serialize(new Document(Added), Json));
        System.IO.File.Move(temporary, path, overwrite: true);
    }
}
