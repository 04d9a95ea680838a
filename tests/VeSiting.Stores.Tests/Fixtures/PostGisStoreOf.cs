using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>A contract's hand-made data set, which both stores of the contract load.</summary>
public interface IContractData
{
    static abstract DataSet Data();
}

/// <summary>A PostGIS database of its own with <typeparamref name="TContract"/>'s data, and the store on it.</summary>
public sealed class PostGisStoreOf<TContract> : IAsyncLifetime where TContract : IContractData
{
    private string _database = null!;
    public PostGisSpatialStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await PostGisServer.CreateImportedDatabaseAsync(TContract.Data());
        Store = await PostGisSpatialStore.OpenAsync(_database);
    }

    public async Task DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        await PostGisServer.DropDatabaseAsync(_database);
    }
}
