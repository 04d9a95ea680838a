namespace VeSiting.Core.Stores;

/// <summary>
/// An optional ability of a store: its data can be replaced by another process (an import into a shared database), so the
/// store re-reads which version is current. A store whose data is replaced only in process (the embedded one) lacks it.
/// </summary>
public interface IVersionedStore
{
    /// <summary>Re-reads the data version; true when it moved forward (never back to an older one).</summary>
    Task<bool> RefreshVersionAsync(CancellationToken cancellationToken = default);
}
