using VeSiting.Core.Rules;

namespace VeSiting.Data.Rules;

/// <summary>
/// Publishes a rule set, price stack, tariff scenario or consumption profile into a folder of published rules.
/// The file is first validated together with every rule already in force (schema, dates, overlaps), from a
/// staging folder; only then is it renamed into place, so a refused file never reaches the folder. Published files
/// are immutable: a change is a new version. With an <see cref="IRuleArchive"/> (several instances on one database), the
/// archive is the record and the published folder this instance's copy of it, brought up to date by <see cref="RefreshAsync"/>.
/// </summary>
public sealed class RulePublisher(string geodataDirectory, IReadOnlyList<string> userFolders, string publishedFolder, IRuleArchive? archive = null)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private string? _revision;

    /// <summary>The folders to load, lowest priority first: the configured user folders, then the published one.</summary>
    public IReadOnlyList<string> Folders => Directory.Exists(publishedFolder) ? [.. userFolders, publishedFolder] : userFolders;

    public RuleLibrary Load() => RuleLibrary.Load(geodataDirectory, Folders);

    /// <summary>Copies what was published elsewhere into the published folder; returns the library in force when anything was new, else null.</summary>
    public async Task<RuleLibrary?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (archive is null)
            return null;
        await _one.WaitAsync(cancellationToken);
        try
        {
            return await SyncAsync(cancellationToken) ? Load() : null;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>Brings the published folder up to the archive's revision; true when files were added.</summary>
    private async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        if (await archive!.RevisionAsync(cancellationToken) == _revision)
            return false;
        // The revision is taken from the listing itself: the first question may have been answered by another replica.
        var (revision, files) = await archive.ListAsync(cancellationToken);
        var added = false;
        Directory.CreateDirectory(publishedFolder);
        foreach (var file in files)
        {
            var target = Path.Combine(publishedFolder, FileNameOf(file.Json));
            if (Path.GetFileName(target) != file.FileName)
                throw new RuleFileException(file.FileName, "$", $"the archive holds it under a name its content does not give ({Path.GetFileName(target)})");
            if (File.Exists(target))
                continue;
            var partial = target + ".partial";
            await File.WriteAllBytesAsync(partial, file.Json, cancellationToken);
            File.Move(partial, target, overwrite: true);
            added = true;
        }
        _revision = revision;
        return added;
    }

    /// <summary>Validates and publishes <paramref name="json"/>; returns the file name and the library now in force.</summary>
    /// <exception cref="RuleFileException">The file is broken or conflicts with the rules in force (names the JSON path).</exception>
    /// <exception cref="RulePublishConflictException">A file with the same kind, id and version is already published.</exception>
    public async Task<(string FileName, RuleLibrary Library)> PublishAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        var fileName = FileNameOf(json);
        await _one.WaitAsync(cancellationToken);
        var staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(publishedFolder))!, $".rules-staging-{Guid.NewGuid():N}");
        try
        {
            var target = Path.Combine(publishedFolder, fileName);
            var staged = Path.Combine(staging, fileName);
            async Task CheckAsync(CancellationToken token)
            {
                if (archive is not null)
                    await SyncAsync(token);
                if (File.Exists(target))
                    throw new RulePublishConflictException($"{fileName} is already published; publish a change under a new version");
                Directory.CreateDirectory(staging);
                await File.WriteAllBytesAsync(staged, json.ToArray(), token);
                try
                {
                    RuleLibrary.Load(geodataDirectory, [.. Folders, staging]);
                }
                catch (RuleFileException e) when (e.File.StartsWith(staging, StringComparison.Ordinal))
                {
                    throw new RuleFileException(fileName, e.JsonPath, e.Reason, e);
                }
            }
            if (archive is null)
                await CheckAsync(cancellationToken);
            else
                await archive.AddAsync(new PublishedRuleFile(fileName, json.ToArray()), CheckAsync, cancellationToken);
            Directory.CreateDirectory(publishedFolder);
            File.Move(staged, target);
            // Reloaded from the published folder, so the library in force names the published file, not the staged one.
            return (fileName, Load());
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            _one.Release();
        }
    }

    /// <summary>kind-id-version.json from the document; anything unsafe as a file name is refused.</summary>
    private static string FileNameOf(ReadOnlyMemory<byte> json)
    {
        using (var document = RuleJson.Parse(json, "body"))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new RuleFileException("body", "$", "expected a JSON object");
            var kind = root.TryGetProperty("scheme", out _) ? "rule-set"
                : root.TryGetProperty("components", out _) ? "price-stack"
                : root.TryGetProperty("zones", out _) ? "tariff-scenario"
                : root.TryGetProperty("annualKwh", out _) ? "consumption-profile"
                : throw new RuleFileException("body", "$", "not a rule set (scheme), price stack (components), tariff scenario (zones) or consumption profile (annualKwh)");
            var parts = new List<string> { kind, Part(root, "id") };
            if (root.TryGetProperty("version", out _))
                parts.Add(Part(root, "version"));
            return string.Join('~', parts) + ".json";
        }
    }

    private static string Part(JsonElement root, string property)
    {
        var value = root.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        if (value.Length is 0 or > 80 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || value.StartsWith('.'))
            throw new RuleFileException("body", $"$.{property}", "needs 1–80 letters, digits, '-', '_' or '.' (not leading)");
        return value;
    }
}
