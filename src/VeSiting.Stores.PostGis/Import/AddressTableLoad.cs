using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using VeSiting.Core.Domain;

namespace VeSiting.Stores.PostGis.Import;

/// <summary>
/// The address table, the one with millions of rows (the national file): copied into a new table without indexes,
/// its indexes and key built after the load (a sorted build instead of millions of index insertions), then swapped in
/// for the old one inside the import's transaction. Readers keep the old table until the commit. The indexes are
/// those the old table has (as the migrations made them), read from the catalogue, so a migration that adds one keeps it.
/// Rows are written synchronously, the point as EWKB from one reused buffer, the search keys made beforehand on every core.
/// </summary>
internal static partial class AddressTableLoad
{
    private const string Table = "addresses";
    private const string Loading = "addresses_loading";
    private const int ProgressEvery = 50_000;
    private const string Columns = "id, municipality_code, street_name, house_number, post_code, post_code_name, search_text, source_id, source_file, source_row, geom, households, households_from_bbr, households_from_flats";

    public static async Task<long> CopyAsync(NpgsqlConnection connection, IReadOnlyList<Address> addresses, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var searchKeys = new string[addresses.Count];
        Parallel.For(0, addresses.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => searchKeys[i] = AddressMatching.SearchKey(addresses[i]));

        var indexes = await IndexesAsync(connection, cancellationToken);
        await ExecuteAsync(connection, $"""
            SET LOCAL maintenance_work_mem = '256MB';
            DROP TABLE IF EXISTS {Loading};
            CREATE TABLE {Loading} (LIKE {Table} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING STORAGE)
            """, cancellationToken);

        progress?.Report(new ImportProgress(Table, 0, addresses.Count));
        var point = new byte[25];
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {Loading} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                var a = addresses[i];
                importer.StartRow();
                importer.Write(a.Id, NpgsqlDbType.Text);
                importer.Write(a.MunicipalityCode, NpgsqlDbType.Integer);
                importer.Write(a.StreetName, NpgsqlDbType.Text);
                importer.Write(a.HouseNumber, NpgsqlDbType.Text);
                importer.Write(a.PostCode, NpgsqlDbType.Integer);
                importer.Write(a.PostCodeName, NpgsqlDbType.Text);
                importer.Write(searchKeys[i], NpgsqlDbType.Text);
                importer.Write(a.Origin.SourceId, NpgsqlDbType.Text);
                importer.Write(a.Origin.File, NpgsqlDbType.Text);
                importer.Write(a.Origin.Row, NpgsqlDbType.Integer);
                importer.Write(PointEwkb(point, a.Xy.X, a.Xy.Y, a.Position.SRID), NpgsqlDbType.Bytea);
                if (a.Households is { } households)
                    importer.Write(households, NpgsqlDbType.Integer);
                else
                    importer.WriteNull();
                importer.Write(a.HouseholdsFromBbr, NpgsqlDbType.Boolean);
                importer.Write(a.HouseholdsFromBuildingFlats, NpgsqlDbType.Boolean);
                if ((i + 1) % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(Table, i + 1, addresses.Count));
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }

        foreach (var index in indexes)
            await ExecuteAsync(connection, index.CreateOnLoading, cancellationToken);
        await ExecuteAsync(connection, $"DROP TABLE {Table}; ALTER TABLE {Loading} RENAME TO {Table}", cancellationToken);
        foreach (var index in indexes)
            await ExecuteAsync(connection, index.RenameBack, cancellationToken);
        progress?.Report(new ImportProgress(Table, addresses.Count, addresses.Count));
        return addresses.Count;
    }

    /// <summary>A point as extended WKB (little-endian, with SRID), PostGIS's binary input for a geometry column.</summary>
    private static byte[] PointEwkb(byte[] buffer, double x, double y, int srid)
    {
        const uint PointWithSrid = 1 | 0x2000_0000;
        buffer[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(1), PointWithSrid);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(5), srid);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(9), x);
        BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(17), y);
        return buffer;
    }

    /// <summary>One index of the address table: how to build it on the loading table, and how to give it back its name.</summary>
    private sealed record TableIndex(string CreateOnLoading, string RenameBack);

    private static async Task<List<TableIndex>> IndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT i.relname, pg_get_indexdef(i.oid), c.conname, pg_get_constraintdef(c.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
            WHERE x.indrelid = @table::regclass
            ORDER BY i.relname
            """, connection);
        command.Parameters.AddWithValue("table", Table);
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
                    $"ALTER TABLE {Loading} ADD CONSTRAINT {Quote(constraint + "_loading")} {reader.GetString(3)}",
                    $"ALTER TABLE {Table} RENAME CONSTRAINT {Quote(constraint + "_loading")} TO {Quote(constraint)}"));
                continue;
            }
            var definition = IndexTarget().Replace(reader.GetString(1), $"INDEX {Quote(temporary)} ON {Loading} ", 1);
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
