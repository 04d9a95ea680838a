using System.Diagnostics;
using Npgsql;
using VeSiting.Core.Domain;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>
/// An import that fails, is cancelled or is killed midway leaves the previous data version serving.
/// Each test starts from a database holding the hand-made data set (5 plants, version "hand-made") and
/// interrupts an import of the real data set (9,319 plants).
/// </summary>
public sealed class ImportAtomicityTests : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task A_cancelled_import_leaves_the_previous_version_serving()
    {
        var real = await RealData.GetAsync();
        await using var dataSource = PostGisConnection.CreateDataSource(_connectionString);
        using var cancel = new CancellationTokenSource();
        // Cancel once the plants are copied (inside the transaction) and the next table begins.
        var progress = new SynchronousProgress<ImportProgress>(p => { if (p.Table == "addresses") cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PostGisImporter(dataSource).ImportAsync(real, progress, cancel.Token));

        await AssertHandMadeStillServed();
    }

    [Fact]
    public async Task A_failing_import_rolls_back_and_names_the_problem()
    {
        var real = await RealData.GetAsync();
        var broken = real with { Population = [.. real.Population, real.Population[0]] }; // duplicate key (municipality, period)
        await using var dataSource = PostGisConnection.CreateDataSource(_connectionString);

        var e = await Assert.ThrowsAsync<PostgresException>(() => new PostGisImporter(dataSource).ImportAsync(broken));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);

        await AssertHandMadeStillServed();
    }

    [Fact]
    public async Task An_import_process_killed_midway_leaves_the_previous_version_serving()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "vesiting.dll");
        Assert.True(File.Exists(cli), $"the CLI is built beside the tests: {cli}");

        // Hold a lock on `population` so the import stops there with plants, addresses, buildings and areas
        // already deleted and re-copied inside its transaction; then kill the process.
        await using var blocker = new NpgsqlConnection(_connectionString);
        await blocker.OpenAsync();
        await using var blockTransaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE population IN ACCESS EXCLUSIVE MODE", blocker, blockTransaction))
            await lockTable.ExecuteNonQueryAsync();

        var start = new ProcessStartInfo("dotnet", [cli, "import", "--db", _connectionString])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var import = Process.Start(start)!;
        try
        {
            var waiting = await WaitForImportBlockedOnPopulation(TimeSpan.FromSeconds(120), import);
            Assert.True(waiting, "the import never reached the population table");
            await AssertImportWroteUncommittedPlantsInvisibleToOthers();
        }
        finally
        {
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }
        await blockTransaction.RollbackAsync();

        await AssertHandMadeStillServed();
    }

    /// <summary>Polls pg_stat_activity until the import's session waits for the lock on population.</summary>
    private async Task<bool> WaitForImportBlockedOnPopulation(TimeSpan timeout, Process import)
    {
        await using var monitor = new NpgsqlConnection(_connectionString);
        await monitor.OpenAsync();
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested && !import.HasExited)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'vesiting'
                  AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM population%'
                """, monitor);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return true;
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>
    /// While the import is blocked, it has already deleted and re-copied the plants inside its transaction
    /// (it holds a write lock on the table), yet another session still sees the 5 committed plants.
    /// </summary>
    private async Task AssertImportWroteUncommittedPlantsInvisibleToOthers()
    {
        await using var reader = new NpgsqlConnection(_connectionString);
        await reader.OpenAsync();
        await using var writeLock = new NpgsqlCommand("""
            SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE a.application_name = 'vesiting' AND a.datname = current_database()
              AND l.relation = 'plants'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted
            """, reader);
        Assert.Equal(1L, await writeLock.ExecuteScalarAsync());
        await using var visible = new NpgsqlCommand("SELECT count(*) FROM plants", reader);
        Assert.Equal(5L, await visible.ExecuteScalarAsync());
    }

    private async Task AssertHandMadeStillServed()
    {
        await using var store = await PostGisSpatialStore.OpenAsync(_connectionString, PostGisConnection.RetryPolicy.Once);
        Assert.Equal("hand-made", store.Version.Id);
        Assert.Equal(["a", "b", "c", "d", "solar-1"], (await store.ListPlantsAsync(PlantFilter.Any)).Select(p => p.Id));
        Assert.Equal(3, (await store.SearchAddressesAsync("Testvej", 10)).Count);
        Assert.Equal("0147", (await store.AreaAtAsync(AdminAreaKind.Municipality, Core.Spatial.GeometryTransforms.Utm32Point(605000, 6200000)))?.Code);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
