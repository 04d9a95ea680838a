using System.Data;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// One REPEATABLE READ transaction on one connection for the queries of one request, opened at the first query and
/// checked to hold <paramref name="expected"/>. Queries take turns (a connection runs one command at a time).
/// </summary>
/// <param name="dataSource">Where sessions come from (a replica, when there are any).</param>
/// <param name="expected">The data version the instance serves, which the session must see.</param>
/// <param name="versionDiffers">Called when a server holds another version (most likely a new import the instance has
/// not noticed yet): the instance should look again now rather than at its next poll.</param>
internal sealed class PinnedSession(NpgsqlDataSource dataSource, DataVersion expected, Action versionDiffers) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    private bool _ended;

    /// <summary>Runs <paramref name="query"/> in the session; once the request has ended (work it started and shared, such as a
    /// cached computation, may outlive it), on a pooled connection of its own (transaction null).</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> query, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_ended)
            {
                await using var own = await dataSource.OpenConnectionAsync(cancellationToken);
                return await query(own, null);
            }
            if (_connection is null)
                await BeginAsync(cancellationToken);
            return await query(_connection!, _transaction!);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Begins on a server that holds the expected version. A broken connection (a server just stopped or restarted: its
    /// pooled connections are dead) or a server at another version (a replica still replaying an import) is given one
    /// more try, on a fresh connection that the multi-host pool may take from another server.
    /// </summary>
    private async Task BeginAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _connection = await dataSource.OpenConnectionAsync(cancellationToken);
                _transaction = await _connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                await using var command = new NpgsqlCommand("SELECT id FROM data_version", _connection, _transaction);
                var found = await command.ExecuteScalarAsync(cancellationToken) as string;
                if (found == expected.Id)
                    return;
                versionDiffers();
                await CloseAsync();
                if (attempt >= 2)
                    throw new StoreUnavailableException(
                        $"PostGIS at {PostGisConnection.Describe(dataSource.ConnectionString)} serves data version {found ?? "(none)"}, this request was started on {expected.Id}; try again")
                    { DatabaseVersion = found };
            }
            catch (Exception e) when (attempt < 2 && PostGisConnection.IsConnectionFault(e))
            {
                // Its idle neighbours in the pool are as dead as it is.
                await CloseAsync();
                FreshAttempt.Prepare(dataSource);
            }
            catch
            {
                await CloseAsync();
                throw;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private async Task CloseAsync()
    {
        if (_transaction is not null)
        {
            try
            {
                await _transaction.DisposeAsync();
            }
            catch (Exception e) when (PostGisConnection.IsConnectionFault(e) || e is InvalidOperationException)
            {
                // The connection is gone; so is its transaction.
            }
        }
        if (_connection is not null)
            await _connection.DisposeAsync();
        _transaction = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync();
        try
        {
            _ended = true;
            await CloseAsync();
        }
        finally
        {
            _turn.Release();
        }
    }
}
