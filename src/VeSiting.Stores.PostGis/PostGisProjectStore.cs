namespace VeSiting.Stores.PostGis;

/// <summary>
/// Saved projects in the <c>projects</c> table (migration 0002); every statement parameterised. Written on the primary
/// and read back through it (a client sees its own save at once), from a replica only while the primary is down.
/// </summary>
public sealed class PostGisProjectStore(NpgsqlDataSource dataSource, NpgsqlDataSource reads) : IProjectStore
{
    public PostGisProjectStore(NpgsqlDataSource dataSource)
        : this(dataSource, dataSource)
    {
    }

    public Task SaveAsync(SavedProject project, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        if (!SavedProject.IsValidId(project.Id))
            throw new ArgumentException($"'{project.Id}' is not a project id (lower-case letters, digits and dashes)", nameof(project));
        await using var command = dataSource.CreateCommand("""
            INSERT INTO projects (id, name, saved_at, plant_count, geojson) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, saved_at = excluded.saved_at,
                plant_count = excluded.plant_count, geojson = excluded.geojson
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = project.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = project.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = project.SavedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = project.PlantCount });
        command.Parameters.Add(new NpgsqlParameter { Value = project.GeoJson });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    });

    public Task<SavedProject?> GetAsync(string id, CancellationToken cancellationToken = default) => ReadThroughPrimary.RunAsync(dataSource, reads, async source =>
    {
        await using var command = source.CreateCommand("SELECT id, name, saved_at, plant_count, geojson FROM projects WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    });

    public Task<IReadOnlyList<SavedProject>> ListAsync(CancellationToken cancellationToken = default) => ReadThroughPrimary.RunAsync(dataSource, reads, async source =>
    {
        await using var command = source.CreateCommand("SELECT id, name, saved_at, plant_count, geojson FROM projects ORDER BY saved_at DESC, id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var projects = new List<SavedProject>();
        while (await reader.ReadAsync(cancellationToken))
            projects.Add(Read(reader));
        return (IReadOnlyList<SavedProject>)projects;
    });

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Guard(async () =>
    {
        await using var command = dataSource.CreateCommand("DELETE FROM projects WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    private static SavedProject Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3), reader.GetString(4));

    private Task<T> Guard<T>(Func<Task<T>> statement) => OnceMore.RunAsync(dataSource, statement);
}
