using System.Buffers.Binary;
using NpgsqlTypes;
using VeSiting.Core.Domain;

namespace VeSiting.Stores.PostGis.Import;

/// <summary>
/// The address table, the one with millions of rows (the national file), loaded by <see cref="SwappedTableLoad"/>. Rows
/// are written synchronously, the point as EWKB from one reused buffer, the search keys made beforehand on every core.
/// </summary>
internal static class AddressTableLoad
{
    private const string Columns = "id, municipality_code, street_name, house_number, post_code, post_code_name, search_text, source_id, source_file, source_row, geom, households, households_from_bbr, households_from_flats";

    public static async Task<long> CopyAsync(NpgsqlConnection connection, IReadOnlyList<Address> addresses, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var searchKeys = new string[addresses.Count];
        Parallel.For(0, addresses.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => searchKeys[i] = AddressMatching.SearchKey(addresses[i]));
        var point = new byte[25];
        return await SwappedTableLoad.CopyAsync(connection, "addresses", Columns, addresses.Count, (importer, i) =>
        {
            var a = addresses[i];
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
        }, progress, cancellationToken);
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
}
