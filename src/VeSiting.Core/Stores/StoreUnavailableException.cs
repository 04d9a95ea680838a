namespace VeSiting.Core.Stores;

/// <summary>
/// The store cannot answer: unreachable at start-up, or the connection broke during a query (e.g. a database restart).
/// A store's own error, declared in the core so that the front ends (HTTP 503, the CLI's exit code) catch it without
/// knowing which store raised it; never an empty answer.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
