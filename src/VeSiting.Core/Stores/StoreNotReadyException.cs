namespace VeSiting.Core.Stores;

/// <summary>The store is reachable but not ready for this VeSiting: schema not migrated, or no data imported.</summary>
public sealed class StoreNotReadyException(string message) : Exception(message);
