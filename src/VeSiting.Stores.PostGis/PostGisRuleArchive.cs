using System.Security.Cryptography;
using VeSiting.Core.Rules;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// Published rule files in the <c>published_rules</c> table (migration 0003), shared by every instance on the database.
/// Publishing writes to the primary; the revision and the files are read from <paramref name="reads"/> (a replica when
/// there is one), so a new publication reaches the other instances as soon as it is replayed and they next look.
/// </summary>
public sealed class PostGisRuleArchive(NpgsqlDataSource writes, NpgsqlDataSource reads) : IRuleArchive
{
    /// <summary>Arbitrary constant identifying VeSiting's rule-publishing lock (the migration lock's neighbour).</summary>
    private const long PublishLockKey = 0x5665_5369_7472;

    /// <summary>Set while a publication checks against what is published: then the primary is read, not a replica that may lag.</summary>
    private readonly AsyncLocal<bool> _publishing = new();

    private NpgsqlDataSource Source => _publishing.Value ? writes : reads;

    public Task<string> RevisionAsync(CancellationToken cancellationToken) => Guard(Source, async () =>
    {
        await using var command = Source.CreateCommand("SELECT count(*), coalesce(max(seq), 0) FROM published_rules");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Revision(reader.GetInt64(0), reader.GetInt64(1));
    });

    /// <summary>Files are only ever added, each with a larger seq: their count and the last seq tell one state from another.</summary>
    private static string Revision(long count, long lastSeq) => $"{count}:{lastSeq}";

    public Task<(string Revision, IReadOnlyList<PublishedRuleFile> Files)> ListAsync(CancellationToken cancellationToken) => Guard(Source, async () =>
    {
        await using var command = Source.CreateCommand("SELECT seq, file_name, body FROM published_rules ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<PublishedRuleFile>();
        long last = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            files.Add(new PublishedRuleFile(reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }
        return (Revision(files.Count, last), (IReadOnlyList<PublishedRuleFile>)files);
    });

    public Task AddAsync(PublishedRuleFile file, Func<CancellationToken, Task> check, CancellationToken cancellationToken) => Guard(writes, async () =>
    {
        await using var connection = await writes.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PublishLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        // Checked against what is published now, through the primary: a replica might not have the latest publication yet.
        _publishing.Value = true;
        try
        {
            await check(cancellationToken);
        }
        finally
        {
            _publishing.Value = false;
        }
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM published_rules WHERE file_name = @name", connection, transaction))
        {
            exists.Parameters.AddWithValue("name", file.FileName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
                throw new RulePublishConflictException($"{file.FileName} is already published; publish a change under a new version");
        }
        await using (var insert = new NpgsqlCommand("INSERT INTO published_rules (file_name, body, sha256) VALUES (@name, @body, @sha256)", connection, transaction))
        {
            insert.Parameters.AddWithValue("name", file.FileName);
            insert.Parameters.AddWithValue("body", file.Json);
            insert.Parameters.AddWithValue("sha256", Convert.ToHexStringLower(SHA256.HashData(file.Json)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    });

    private static Task<T> Guard<T>(NpgsqlDataSource dataSource, Func<Task<T>> work) => OnceMore.RunAsync(dataSource, work);
}
