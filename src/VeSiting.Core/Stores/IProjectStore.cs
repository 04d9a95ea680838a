namespace VeSiting.Core.Stores;

/// <summary>
/// Saved planned projects (a municipality's wind or solar applications): the GeoJSON as submitted, under an id.
/// Two implementations (a folder for the embedded engine, a table in PostGIS) give the same answers.
/// </summary>
public interface IProjectStore
{
    /// <summary>Saves the project, replacing one with the same id; either all of it is saved or nothing.</summary>
    Task SaveAsync(SavedProject project, CancellationToken cancellationToken = default);

    Task<SavedProject?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every saved project, newest first (then by id).</summary>
    Task<IReadOnlyList<SavedProject>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the project; false if there was none with that id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>A saved project: the validated GeoJSON body (kept verbatim) and what describes it.</summary>
public sealed record SavedProject(string Id, string Name, DateTimeOffset SavedAt, int PlantCount, string GeoJson)
{
    /// <summary>Ids are lower-case letters, digits and dashes, so they are safe as file names and in URLs.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';
}
