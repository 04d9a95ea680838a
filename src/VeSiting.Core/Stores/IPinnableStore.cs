namespace VeSiting.Core.Stores;

/// <summary>
/// An optional ability of a store: a view that answers every query of one request from the data version in force when
/// the view was made, so one answer is never a mix of two imports. Dispose the view when the request ends.
/// </summary>
public interface IPinnableStore
{
    PinnedStore Pinned();
}

/// <summary>A store view pinned to one data version, released when disposed.</summary>
public sealed class PinnedStore(ISpatialStore store, IAsyncDisposable release) : IAsyncDisposable
{
    public ISpatialStore Store { get; } = store;

    public ValueTask DisposeAsync() => release.DisposeAsync();
}
