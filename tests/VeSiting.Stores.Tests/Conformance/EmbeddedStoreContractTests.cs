using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

public sealed class EmbeddedStores : IAsyncLifetime
{
    public EmbeddedSpatialStore HandMade { get; } = new(HandMadeData.Create());
    public EmbeddedSpatialStore Real { get; private set; } = null!;
    public DataSet RealData { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RealData = await Fixtures.RealData.GetAsync();
        Real = new EmbeddedSpatialStore(RealData);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The store contract against the embedded in-memory engine.</summary>
public sealed class EmbeddedStoreContractTests(EmbeddedStores stores) : SpatialStoreContract, IClassFixture<EmbeddedStores>
{
    protected override ISpatialStore HandMade => stores.HandMade;
    protected override ISpatialStore Real => stores.Real;
    protected override DataSet RealData => stores.RealData;
}
