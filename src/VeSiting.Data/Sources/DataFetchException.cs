namespace VeSiting.Data.Sources;

/// <summary>No place could deliver a source with the right checksum. Names the source and every place tried.</summary>
public sealed class DataFetchException(SourceEntry source, IReadOnlyList<FetchAttempt> attempts)
    : Exception($"Could not obtain source '{source.Id}' ({source.File}). Places tried:\n"
        + string.Join('\n', attempts.Select(a => $"  - {a.Place}: {a.Reason}"))
        + "\nPut the file in a mirror folder (--mirror DIR or the manifest's mirror variable) and run `vesiting data fetch` again.")
{
    public SourceEntry Entry { get; } = source;
    public IReadOnlyList<FetchAttempt> Attempts { get; } = attempts;
}
