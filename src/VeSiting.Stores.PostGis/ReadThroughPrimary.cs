using Npgsql;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// Reads of what clients write (saved projects, import jobs): through the primary, so a client sees its own write at
/// once, whatever a replica has replayed; when the primary cannot answer, from a replica (possibly a little behind)
/// rather than not at all.
/// </summary>
internal static class ReadThroughPrimary
{
    public static async Task<T> RunAsync<T>(NpgsqlDataSource writes, NpgsqlDataSource reads, Func<NpgsqlDataSource, Task<T>> query)
    {
        try
        {
            return await query(writes);
        }
        catch (Exception e) when (PostGisConnection.IsConnectionFault(e) && !ReferenceEquals(writes, reads))
        {
            try
            {
                return await query(reads);
            }
            catch (Exception again) when (PostGisConnection.IsConnectionFault(again))
            {
                throw Unavailable(reads, again);
            }
        }
        catch (Exception e) when (PostGisConnection.IsConnectionFault(e))
        {
            throw Unavailable(writes, e);
        }
    }

    private static StoreUnavailableException Unavailable(NpgsqlDataSource source, Exception e) =>
        new($"PostGIS at {PostGisConnection.Describe(source.ConnectionString)} is unavailable: {e.Message}", e);
}
