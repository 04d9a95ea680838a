using VeSiting.Data.Sources;

namespace VeSiting.Data.Loading;

/// <summary>
/// Which edition of each source is in use: the built-in manifest with the user's added files laid over it
/// (<see cref="SourceOverlay"/> in the cache folder). Adding checks the file with the source's importer before
/// anything changes; resetting goes back to the built-in edition.
/// </summary>
public sealed class SourceEditions(SourceManifest builtIn, string cacheDirectory)
{
    public SourceManifest BuiltIn { get; } = builtIn;

    public string CacheDirectory { get; } = cacheDirectory;

    public SourceOverlay Overlay => SourceOverlay.Load(CacheDirectory);

    /// <summary>The manifest as loaded: built-in entries, or the added file where there is one.</summary>
    public SourceManifest Current => Overlay.Apply(BuiltIn);

    /// <summary>The ids <c>data add</c> accepts: every source of the manifest and the optional ones.</summary>
    public IReadOnlyList<string> AddableIds => [.. BuiltIn.Sources.Select(s => s.Id), .. OptionalSource.All.Select(s => s.Id)];

    public string ImporterOf(string sourceId) =>
        BuiltIn.Sources.FirstOrDefault(s => s.Id == sourceId)?.Importer
        ?? OptionalSource.Find(sourceId)?.Importer
        ?? throw new InvalidDataException($"no source '{sourceId}'; sources: {string.Join(", ", AddableIds)}");

    /// <summary>
    /// Copies the file into the cache (<c>added/&lt;source&gt;/&lt;sha256 prefix&gt;/&lt;original name&gt;</c>) and reads it with
    /// the source's importer. Does not make it current (see <see cref="Record"/>); on an import error the copy is removed
    /// and the <see cref="ImportFailedException"/> names file, sheet, row and column. The file is judged by the rules in
    /// force on the day it is added (<paramref name="addedAt"/>, by default now on the system clock).
    /// </summary>
    public (AddedFile File, SourceRead Read) Stage(string sourceId, string path, string? originalName = null, DateTimeOffset? addedAt = null, IProgress<double>? progress = null)
    {
        var at = addedAt ?? TimeProvider.System.GetUtcNow();
        var importer = ImporterOf(sourceId);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        var name = SafeName(originalName ?? Path.GetFileName(path));
        var sha256 = Checksums.Sha256Of(path);
        var relative = string.Join('/', SourceOverlay.AddedFolder, sourceId, sha256[..16], name);
        var target = Path.Combine(CacheDirectory, relative);
        var existed = System.IO.File.Exists(target) && Checksums.Matches(target, sha256);
        if (!existed)
            CopyAtomically(path, target);
        SourceRead read;
        try
        {
            read = SourceImporters.Read(importer, target, sourceId, progress, municipalities: importer == OsmImporter ? CachedMunicipalities() : null,
                judgedOn: DateOnly.FromDateTime(at.ToLocalTime().DateTime));
        }
        catch when (!existed)
        {
            DeleteAddedFolder(relative);
            throw;
        }
        var added = new AddedFile
        {
            SourceId = sourceId,
            File = relative,
            Sha256 = sha256,
            Bytes = new FileInfo(target).Length,
            OriginalName = name,
            AddedAt = at,
        };
        return (added, read);
    }

    private const string OsmImporter = "osm";
    private const string MunicipalitiesImporter = "dagi-municipalities";

    /// <summary>
    /// The municipal boundaries in use where they are in the cache (an OpenStreetMap file is placed among them once, when
    /// added); null where they are not fetched yet or cannot be read (the load places it then).
    /// </summary>
    private IReadOnlyList<AdminArea>? CachedMunicipalities()
    {
        var manifest = Current;
        var fetcher = new DataFetcher(manifest, CacheDirectory, []);
        if (manifest.Sources.FirstOrDefault(s => s.Importer == MunicipalitiesImporter) is not { } source || !fetcher.IsCached(source))
            return null;
        try
        {
            return (IReadOnlyList<AdminArea>)SourceImporters.Read(source.Importer, fetcher.CachePathOf(source), source.Id).Value;
        }
        catch (ImportFailedException)
        {
            return null;
        }
    }

    /// <summary>Makes a staged file the source's current edition; an edition it replaces is removed from the cache.</summary>
    public void Record(AddedFile file)
    {
        var overlay = Overlay;
        var replaced = overlay.Find(file.SourceId);
        overlay.With(file).Save(CacheDirectory);
        if (replaced is not null && replaced.File != file.File)
            DeleteAddedFolder(replaced.File);
    }

    /// <summary>Removes a staged file that did not become current (its import failed later on).</summary>
    public void Discard(AddedFile staged)
    {
        if (Overlay.Find(staged.SourceId)?.File != staged.File)
            DeleteAddedFolder(staged.File);
    }

    /// <summary>Goes back to the built-in edition (an optional source goes out of use); returns the file that was in use, if any.</summary>
    public AddedFile? Reset(string sourceId)
    {
        ImporterOf(sourceId);
        var overlay = Overlay;
        if (overlay.Find(sourceId) is not { } added)
            return null;
        overlay.Without(sourceId).Save(CacheDirectory);
        DeleteAddedFolder(added.File);
        return added;
    }

    /// <summary>Only the file name, without folders or characters that cannot be in a file name.</summary>
    private static string SafeName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(bare.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray()).Trim();
        return safe is "" or "." or ".." ? "added-file" : safe;
    }

    private static void CopyAtomically(string from, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + $".{Guid.NewGuid():N}.partial";
        try
        {
            System.IO.File.Copy(from, temporary);
            System.IO.File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temporary))
                System.IO.File.Delete(temporary);
        }
    }

    /// <summary>Removes <c>added/&lt;source&gt;/&lt;sha256 prefix&gt;/</c> of an added file.</summary>
    private void DeleteAddedFolder(string relativeFile)
    {
        var folder = Path.GetDirectoryName(Path.Combine(CacheDirectory, relativeFile))!;
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var sourceFolder = Path.GetDirectoryName(folder)!;
        if (Directory.Exists(sourceFolder) && !Directory.EnumerateFileSystemEntries(sourceFolder).Any())
            Directory.Delete(sourceFolder);
    }
}
