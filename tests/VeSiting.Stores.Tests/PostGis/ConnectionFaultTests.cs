using Npgsql;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

public sealed class ConnectionFaultTests : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task An_unreachable_server_fails_at_start_up_with_host_and_reason_after_retrying()
    {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        var unreachable = new NpgsqlConnectionStringBuilder(_connectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        var retries = new List<string>();

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            PostGisSpatialStore.OpenAsync(unreachable, new PostGisConnection.RetryPolicy(3, TimeSpan.FromMilliseconds(20)), retries.Add));

        Assert.Contains("127.0.0.1:1/", e.Message);
        Assert.Contains("after 3 attempt(s)", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Contains("retrying in", r));
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_error_without_the_password()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_connectionString) { Password = "not-the-password" }.ConnectionString;
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => PostGisSpatialStore.OpenAsync(wrong, PostGisConnection.RetryPolicy.Once));
        Assert.Contains("password authentication failed", e.Message);
        Assert.DoesNotContain("not-the-password", e.Message);
    }

    [Fact]
    public async Task The_password_can_come_from_a_secret_file_instead_of_the_connection_string()
    {
        var password = new NpgsqlConnectionStringBuilder(_connectionString).Password!;
        var withoutPassword = new NpgsqlConnectionStringBuilder(_connectionString) { Password = null }.ConnectionString;
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, password + "\n");
            var options = new DatabaseOptions { Database = withoutPassword, DatabasePasswordFile = file };
            await using var store = await PostGisSpatialStore.OpenAsync(options.PrimaryConnectionString!, PostGisConnection.RetryPolicy.Once);
            Assert.NotEmpty(store.Version.Id);

            await File.WriteAllTextAsync(file, "not-the-password\n");
            var wrong = await Assert.ThrowsAsync<StoreUnavailableException>(() => PostGisSpatialStore.OpenAsync(options.PrimaryConnectionString!, PostGisConnection.RetryPolicy.Once));
            Assert.Contains("password authentication failed", wrong.Message);
        }
        finally
        {
            File.Delete(file);
        }
        var missing = new DatabaseOptions { Database = withoutPassword, DatabasePasswordFile = file };
        var error = Assert.Throws<InvalidOperationException>(() => missing.PrimaryConnectionString);
        Assert.Contains("VeSiting:DatabasePasswordFile", error.Message);
    }

    [Fact]
    public async Task An_unmigrated_database_says_to_migrate()
    {
        var empty = await PostGisServer.CreateDatabaseAsync();
        try
        {
            var e = await Assert.ThrowsAsync<StoreNotReadyException>(() => PostGisSpatialStore.OpenAsync(empty, PostGisConnection.RetryPolicy.Once));
            Assert.Contains("vesiting db migrate", e.Message);
        }
        finally
        {
            await PostGisServer.DropDatabaseAsync(empty);
        }
    }

    /// <summary>
    /// Sessions ended by the server (what a restart does) leave dead connections in the pool: the store empties the pool
    /// and tries the statement once more on a fresh connection, so the answer is right rather than an error.
    /// </summary>
    [Fact]
    public async Task A_query_whose_pooled_connection_was_killed_is_answered_on_a_fresh_one_never_wrongly()
    {
        await using var store = await PostGisSpatialStore.OpenAsync(_connectionString, PostGisConnection.RetryPolicy.Once);
        var origin = GeometryTransforms.Utm32Point(600000, 6200000);
        var expected = (await store.NearestPlantsAsync(origin, PlantFilter.Operating, 2)).Select(p => p.Plant.Id).ToList();
        Assert.Equal(["solar-1", "a"], expected);

        for (var round = 0; round < 3; round++)
        {
            await TerminateStoreSessions();
            for (var attempt = 0; attempt < 2; attempt++)
                Assert.Equal(expected, (await store.NearestPlantsAsync(origin, PlantFilter.Operating, 2)).Select(p => p.Plant.Id));
        }
    }

    /// <summary>What a server restart does to a client: every session of the store's database is ended by the server.</summary>
    private async Task TerminateStoreSessions()
    {
        await using var admin = new NpgsqlConnection(PostGisServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = @database AND pid <> pg_backend_pid()
            """, admin);
        kill.Parameters.AddWithValue("database", new NpgsqlConnectionStringBuilder(_connectionString).Database!);
        await kill.ExecuteScalarAsync();
    }
}
