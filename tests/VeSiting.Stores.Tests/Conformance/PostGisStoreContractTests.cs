using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>Two throwaway databases, the hand-made and the real data set imported, with stores open on them.</summary>
public sealed class PostGisStores : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public PostGisSpatialStore HandMade { get; private set; } = null!;
    public PostGisSpatialStore Real { get; private set; } = null!;
    public DataSet RealData { get; private set; } = null!;
    public IReadOnlyList<string> ConnectionStrings => _databases;

    public async Task InitializeAsync()
    {
        RealData = await Fixtures.RealData.GetAsync();
        HandMade = await PostGisSpatialStore.OpenAsync(await Track(PostGisServer.CreateImportedDatabaseAsync(HandMadeData.Create())));
        Real = await PostGisSpatialStore.OpenAsync(await Track(PostGisServer.CreateImportedDatabaseAsync(RealData)));
    }

    private async Task<string> Track(Task<string> creating)
    {
        var connectionString = await creating;
        _databases.Add(connectionString);
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (HandMade is not null) await HandMade.DisposeAsync();
        if (Real is not null) await Real.DisposeAsync();
        foreach (var database in _databases)
            await PostGisServer.DropDatabaseAsync(database);
    }
}

/// <summary>The store contract against PostGIS.</summary>
public sealed class PostGisStoreContractTests(PostGisStores stores) : SpatialStoreContract, IClassFixture<PostGisStores>
{
    protected override ISpatialStore HandMade => stores.HandMade;
    protected override ISpatialStore Real => stores.Real;
    protected override DataSet RealData => stores.RealData;
}
