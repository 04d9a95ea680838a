namespace VeSiting.Data.Sources;

/// <summary>
/// A file a user added as a source's current edition (<c>vesiting data add</c>, <c>POST /api/imports</c>):
/// where it lies in the cache, its checksum and size, its original name and when it was added.
/// </summary>
public sealed record AddedFile
{
    public required string SourceId { get; init; }
    /// <summary>Path relative to the cache folder (<c>added/&lt;source&gt;/&lt;sha256 prefix&gt;/&lt;original name&gt;</c>).</summary>
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    public required long Bytes { get; init; }
    public required string OriginalName { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
}
