namespace VeSiting.Data.Sources;

/// <summary>Progress of one source's transfer.</summary>
public sealed record FetchProgress(string SourceId, long BytesDone, long? BytesTotal, string Place);

/// <summary>Where a source was obtained from and where it now lies in the cache.</summary>
public sealed record FetchOutcome(SourceEntry Source, string CachedPath, string ObtainedFrom, bool AlreadyCached);

/// <summary>One place tried for a source and why it did not serve.</summary>
public sealed record FetchAttempt(string Place, string Reason);
