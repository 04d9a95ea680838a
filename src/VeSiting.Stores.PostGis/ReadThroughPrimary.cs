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
        if (ReferenceEquals(writes, reads))
            return await OnceMore.RunAsync(writes, () => query(writes));
        try
        {
            return await OnceMore.RunAsync(writes, () => query(writes));
        }
        catch (StoreUnavailableException)
        {
            return await OnceMore.RunAsync(reads, () => query(reads));
        }
    }
}
