using System.Runtime.CompilerServices;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// Readies a data source for the one more try after a connection fault. Its idle pooled connections died with their
/// server, so the pool is emptied; and a multi-host pool remembers each host it found offline for a few seconds (Npgsql's
/// Host Recheck Seconds) and skips it meanwhile, so that memory is forgotten too: a replica that was stopped and has just
/// come back must be tried when the primary stops in those seconds, or every read fails with "No suitable host" although
/// a server answers.
/// </summary>
internal static class FreshAttempt
{
    // PostGisDatabase hands out views of one multi-host pool (primary-only, prefer-standby); the states live in the pool.
    private static readonly ConditionalWeakTable<NpgsqlDataSource, NpgsqlMultiHostDataSource> PoolOfView = new();

    public static NpgsqlDataSource ViewOf(NpgsqlMultiHostDataSource pool, TargetSessionAttributes target)
    {
        var view = pool.WithTargetSession(target);
        PoolOfView.AddOrUpdate(view, pool);
        return view;
    }

    public static void Prepare(NpgsqlDataSource dataSource)
    {
        dataSource.Clear();
        var pool = dataSource as NpgsqlMultiHostDataSource ?? (PoolOfView.TryGetValue(dataSource, out var owner) ? owner : null);
        pool?.ClearDatabaseStates();
    }
}
