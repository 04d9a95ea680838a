using Npgsql;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>A request's view of the store (<see cref="PostGisSpatialStore.Pinned"/>) answers from one data version throughout.</summary>
public sealed class PinnedVersionTests : IAsyncLifetime
{
    private string _database = null!;

    public async Task InitializeAsync() => _database = await PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create());

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_database);

    /// <summary>What an import does in one transaction: other rows, another version.</summary>
    private async Task ReplaceDataAsync(string version)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand("DELETE FROM plants", connection, transaction))
            await delete.ExecuteNonQueryAsync();
        await using (var update = new NpgsqlCommand("UPDATE data_version SET id = @id, loaded_at = now()", connection, transaction))
        {
            update.Parameters.AddWithValue("id", version);
            await update.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task A_request_started_before_an_import_finishes_on_the_data_it_started_with()
    {
        await using var store = await PostGisSpatialStore.OpenAsync(_database);
        var plantCount = (await store.ListPlantsAsync(PlantFilter.Any)).Count;
        Assert.True(plantCount > 0);

        await using (var request = store.Pinned())
        {
            Assert.Equal(plantCount, (await request.ListPlantsAsync(PlantFilter.Any)).Count);
            await ReplaceDataAsync("next-edition");
            // Same request, after the import committed: still the plants of the version it started on.
            Assert.Equal(plantCount, (await request.ListPlantsAsync(PlantFilter.Any)).Count);
            Assert.Equal("hand-made", request.Version.Id);
        }

        // A request started now, while this instance still serves the old version, is refused rather than answered from
        // the new data under the old version's name (ETags, cache keys); it also makes the instance look again at once,
        // without waiting for its next poll (nothing here polls).
        await using (var stale = store.Pinned())
            await Assert.ThrowsAsync<StoreUnavailableException>(() => stale.ListPlantsAsync(PlantFilter.Any));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Version.Id != "next-edition" && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await using (var next = store.Pinned())
        {
            Assert.Equal("next-edition", next.Version.Id);
            Assert.Empty(await next.ListPlantsAsync(PlantFilter.Any));
        }
    }

    [Fact]
    public async Task The_version_only_moves_forward()
    {
        await using var store = await PostGisSpatialStore.OpenAsync(_database);
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            // A server still replaying an older state (a lagging replica) shows an earlier version: not switched back to.
            await using var older = new NpgsqlCommand("UPDATE data_version SET id = 'older', loaded_at = loaded_at - interval '1 hour'", connection);
            await older.ExecuteNonQueryAsync();
        }
        Assert.False(await store.RefreshVersionAsync());
        Assert.Equal("hand-made", store.Version.Id);
    }
}
