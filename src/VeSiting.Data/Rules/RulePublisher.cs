using System.Text.Json;

namespace VeSiting.Data.Rules;

/// <summary>
/// Publishes a rule set, price stack, tariff scenario or consumption profile into a folder of published rules.
/// The file is first validated together with every rule already in force (schema, dates, overlaps), from a
/// staging folder; only then is it renamed into place, so a refused file never reaches the folder. Published files
/// are immutable: a change is a new version.
/// </summary>
public sealed class RulePublisher(string geodataDirectory, IReadOnlyList<string> userFolders, string publishedFolder)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The folders to load, lowest priority first: the configured user folders, then the published one.</summary>
    public IReadOnlyList<string> Folders => Directory.Exists(publishedFolder) ? [.. userFolders, publishedFolder] : userFolders;

    public RuleLibrary Load() => RuleLibrary.Load(geodataDirectory, Folders);

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
            if (File.Exists(target))
                throw new RulePublishConflictException($"{fileName} is already published; publish a change under a new version");
            Directory.CreateDirectory(staging);
            var staged = Path.Combine(staging, fileName);
            await File.WriteAllBytesAsync(staged, json.ToArray(), cancellationToken);
            RuleLibrary library;
            try
            {
                library = RuleLibrary.Load(geodataDirectory, [.. Folders, staging]);
            }
            catch (RuleFileException e) when (e.File.StartsWith(staging, StringComparison.Ordinal))
            {
                throw new RuleFileException(fileName, e.JsonPath, e.Reason, e);
            }
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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new RuleFileException("body", e.Path ?? "$", $"not valid JSON: {e.Message}", e);
        }
        using (document)
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

/// <summary>The same kind, id and version is already published.</summary>
public sealed class RulePublishConflictException(string message) : Exception(message);
