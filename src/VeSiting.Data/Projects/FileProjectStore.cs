using System.Text.Json.Nodes;
using VeSiting.Core.Stores;

namespace VeSiting.Data.Projects;

/// <summary>
/// Saved projects as one JSON file each in a folder (the embedded engine's choice). A save writes a temporary
/// file and renames it over the old one, so a crash leaves either the old or the new project, never half of one.
/// </summary>
public sealed class FileProjectStore(string folder) : IProjectStore
{
    private const string Extension = ".project.json";

    public string Folder { get; } = folder;

    public async Task SaveAsync(SavedProject project, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var record = new JsonObject
        {
            ["id"] = Valid(project.Id),
            ["name"] = project.Name,
            ["savedAt"] = project.SavedAt.ToUniversalTime().ToString("O"),
            ["plantCount"] = project.PlantCount,
            ["geoJson"] = project.GeoJson,
        };
        var temporary = Path.Combine(Folder, $".{project.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                await JsonSerializer.SerializeAsync(stream, record, cancellationToken: cancellationToken);
            File.Move(temporary, PathOf(project.Id), overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public async Task<SavedProject?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SavedProject.IsValidId(id))
            return null;
        var path = PathOf(id);
        return File.Exists(path) ? await ReadAsync(path, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<SavedProject>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
            return [];
        var projects = new List<SavedProject>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension))
            projects.Add(await ReadAsync(path, cancellationToken));
        return projects.OrderByDescending(p => p.SavedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!SavedProject.IsValidId(id) || !File.Exists(PathOf(id)))
            return Task.FromResult(false);
        File.Delete(PathOf(id));
        return Task.FromResult(true);
    }

    private string PathOf(string id) => Path.Combine(Folder, id + Extension);

    private static string Valid(string id) =>
        SavedProject.IsValidId(id) ? id : throw new ArgumentException($"'{id}' is not a project id (lower-case letters, digits and dashes)", nameof(id));

    private static async Task<SavedProject> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            var node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken)
                ?? throw new InvalidDataException("empty");
            return new SavedProject(
                (string)node["id"]!,
                (string)node["name"]!,
                DateTimeOffset.Parse((string)node["savedAt"]!, System.Globalization.CultureInfo.InvariantCulture),
                (int)node["plantCount"]!,
                (string)node["geoJson"]!);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a saved project ({e.Message})", e);
        }
    }
}
