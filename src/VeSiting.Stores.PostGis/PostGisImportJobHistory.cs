using System.Text.Json;
using NpgsqlTypes;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// Import jobs in the <c>import_jobs</c> table (migration 0003), so every instance answers for every import. Written
/// on the primary; read back through it too, so the client that started an import sees it at once, and from a replica
/// when the primary is down.
/// </summary>
public sealed class PostGisImportJobHistory(NpgsqlDataSource writes, NpgsqlDataSource reads) : IImportJobHistory
{
    private const string Columns = "id, store, stage, started_at, finished_at, previous_version, data_version, error, progress::text, added_source, added_file";

    public Task SaveAsync(ImportJobRecord job, CancellationToken cancellationToken = default) => OnceMore.RunAsync(writes, async () =>
    {
        await using var command = writes.CreateCommand($"""
            INSERT INTO import_jobs ({Columns.Replace("::text", "", StringComparison.Ordinal)}, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
            ON CONFLICT (id) DO UPDATE SET stage = excluded.stage, finished_at = excluded.finished_at,
                data_version = excluded.data_version, error = excluded.error, progress = excluded.progress, updated_at = now()
            WHERE import_jobs.finished_at IS NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Store });
        command.Parameters.Add(new NpgsqlParameter { Value = job.Stage });
        command.Parameters.Add(new NpgsqlParameter { Value = job.StartedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.FinishedAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = job.PreviousVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.DataVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(job.Progress), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.AddedSource ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)job.AddedFile ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    });

    public async Task<ImportJobRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM import_jobs WHERE id = $1", id, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<ImportJobRecord>> ListAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM import_jobs ORDER BY started_at DESC, id COLLATE \"C\" LIMIT $1", limit, cancellationToken);

    private Task<IReadOnlyList<ImportJobRecord>> QueryAsync(string sql, object parameter, CancellationToken cancellationToken) =>
        ReadThroughPrimary.RunAsync(writes, reads, async source =>
        {
            await using var command = source.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var jobs = new List<ImportJobRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(new ImportJobRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                    JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(8))!,
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
            }
            return (IReadOnlyList<ImportJobRecord>)jobs;
        });
}
