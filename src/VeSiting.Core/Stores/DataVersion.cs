namespace VeSiting.Core.Stores;

/// <summary>
/// Identifies the data a store serves: a hash of the sources' checksums, so tiles and caches
/// can tell when data changed, and the time it was loaded.
/// </summary>
public sealed record DataVersion(string Id, DateTimeOffset LoadedAt);
