using System.Text.RegularExpressions;

namespace VeSiting.Stores.PostGis.Import;

/// <summary>
/// A table with millions of rows (addresses, buildings): copied into a new table without indexes, its indexes and key
/// built after the load (a sorted build instead of millions of index insertions), then swapped in for the old one inside
/// the import's transaction. Readers keep the old table until the commit. The indexes are those the old table has (as
/// the migrations made them), read from the catalogue, so a migration that adds one keeps it. Rows are written
/// synchronously (binary COPY buffers them).
/// </summary>
internal static partial class SwappedTableLoad
{
    private const int ProgressEvery = 50_000;

    /// <summary>Loads <paramref name="rows"/> rows, each written by <paramref name="writeRow"/> (its fields, after the row is started); returns the count.</summary>
    public static async Task<long> CopyAsync(NpgsqlConnection connection, string table, string columns, int rows, Action<NpgsqlBinaryImporter, int> writeRow,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var loading = $"{table}_loading";
        var indexes = await IndexesAsync(connection, table, loading, cancellationToken);
        await ExecuteAsync(connection, $"""
            SET LOCAL maintenance_work_mem = '256MB';
            DROP TABLE IF EXISTS {loading};
            CREATE TABLE {loading} (LIKE {table} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING STORAGE)
            """, cancellationToken);

        progress?.Report(new ImportProgress(table, 0, rows));
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {loading} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < rows; i++)
            {
                importer.StartRow();
                writeRow(importer, i);
                if ((i + 1) % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(table, i + 1, rows));
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }

        foreach (var index in indexes)
            await ExecuteAsync(connection, index.CreateOnLoading, cancellationToken);
        await ExecuteAsync(connection, $"DROP TABLE {table}; ALTER TABLE {loading} RENAME TO {table}", cancellationToken);
        foreach (var index in indexes)
            await ExecuteAsync(connection, index.RenameBack, cancellationToken);
        progress?.Report(new ImportProgress(table, rows, rows));
        return rows;
    }

    /// <summary>One index of the table: how to build it on the loading table, and how to give it back its name.</summary>
    private sealed record TableIndex(string CreateOnLoading, string RenameBack);

    private static async Task<List<TableIndex>> IndexesAsync(NpgsqlConnection connection, string table, string loading, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT i.relname, pg_get_indexdef(i.oid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
            WHERE x.indrelid = @table::regclass
            ORDER BY i.relname
            """, connection);
        command.Parameters.AddWithValue("table", table);
        var indexes = new List<TableIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var temporary = $"{name}_loading";
            if (!reader.IsDBNull(2))
            {
                var constraint = reader.GetString(2);
                indexes.Add(new TableIndex(
                    $"ALTER TABLE {loading} ADD CONSTRAINT {Quote(constraint + "_loading")} {reader.GetString(3)}",
                    $"ALTER TABLE {table} RENAME CONSTRAINT {Quote(constraint + "_loading")} TO {Quote(constraint)}"));
                continue;
            }
            var definition = IndexTarget().Replace(reader.GetString(1), $"INDEX {Quote(temporary)} ON {loading} ", 1);
            indexes.Add(new TableIndex(definition, $"ALTER INDEX {Quote(temporary)} RENAME TO {Quote(name)}"));
        }
        return indexes;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    /// <summary>The "INDEX name ON [ONLY] schema.table " part of pg_get_indexdef's "CREATE [UNIQUE] INDEX … USING …".</summary>
    [GeneratedRegex(@"INDEX \S+ ON (ONLY )?\S+ ")]
    private static partial Regex IndexTarget();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
