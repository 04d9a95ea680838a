namespace VeSiting.Stores.PostGis;

/// <summary>
/// The database cannot answer: unreachable at start-up, or the connection broke during a query
/// (e.g. a restart). Callers report it as "unavailable" (HTTP 503), never as an empty answer.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
