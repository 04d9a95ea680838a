namespace VeSiting.Core.Stores;

/// <summary>
/// The store cannot answer: unreachable at start-up, or the connection broke during a query (e.g. a database restart).
/// A store's own error, declared in the core so that the front ends (HTTP 503, the CLI's exit code) catch it without
/// knowing which store raised it; never an empty answer.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// Set when the store answered, but at another data version than the one the request was started on (an import just
    /// switched, or a replica is still replaying one): the request can be repeated at once, and the store is healthy.
    /// </summary>
    public string? DatabaseVersion { get; init; }
}
