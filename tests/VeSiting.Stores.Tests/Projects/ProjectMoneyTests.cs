using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

public sealed class EmbeddedProjectMoneyTests : ProjectMoneyCases
{
    private static readonly EmbeddedSpatialStore Embedded = new(ParkData.Create());

    protected override ISpatialStore Store => Embedded;
}

/// <summary>The park data imported into a throwaway PostGIS database.</summary>
public sealed class ParkDataOnPostGis : IAsyncLifetime
{
    private string? _connectionString;

    public PostGisSpatialStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostGisServer.CreateImportedDatabaseAsync(ParkData.Create());
        Store = await PostGisSpatialStore.OpenAsync(_connectionString);
    }

    public async Task DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        if (_connectionString is not null) await PostGisServer.DropDatabaseAsync(_connectionString);
    }
}

public sealed class PostGisProjectMoneyTests(ParkDataOnPostGis data) : ProjectMoneyCases, IClassFixture<ParkDataOnPostGis>
{
    protected override ISpatialStore Store => data.Store;
}
