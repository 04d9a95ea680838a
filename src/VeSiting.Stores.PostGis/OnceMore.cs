namespace VeSiting.Stores.PostGis;

/// <summary>
/// A statement that failed because its connection broke (a server restarted, stopped or was promoted: every idle pooled
/// connection to it is dead) is tried once more on a fresh connection after the pool is emptied; the multi-host pool
/// then picks whichever server has the role now. Only for statements that are safe to repeat (reads, upserts,
/// transactions that did not commit). A second failure is <see cref="StoreUnavailableException"/> (HTTP 503).
/// </summary>
internal static class OnceMore
{
    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Func<Task<T>> work, bool retry = true)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (PostGisConnection.IsConnectionFault(e))
        {
            if (!retry)
                throw Unavailable(dataSource, e);
            FreshAttempt.Prepare(dataSource);
        }
        try
        {
            return await work();
        }
        catch (Exception e) when (PostGisConnection.IsConnectionFault(e))
        {
            throw Unavailable(dataSource, e);
        }
    }

    public static StoreUnavailableException Unavailable(NpgsqlDataSource dataSource, Exception e) =>
        new($"PostGIS at {PostGisConnection.Describe(dataSource.ConnectionString)} is unavailable: {e.Message}", e);
}
