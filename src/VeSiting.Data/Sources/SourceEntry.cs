namespace VeSiting.Data.Sources;

/// <summary>One data source of the manifest (<c>geodata/sources.json</c>).</summary>
public sealed record SourceEntry
{
    public required string Id { get; init; }
    /// <summary>Path relative to a mirror folder and to the cache.</summary>
    public required string File { get; init; }
    /// <summary>Name of the importer that reads it (see <c>DataSetLoader</c>).</summary>
    public required string Importer { get; init; }
    public required string Title { get; init; }
    public required string Sha256 { get; init; }
    public long? Bytes { get; init; }
    public string? Crs { get; init; }
    public required string Licence { get; init; }
    public required string Attribution { get; init; }
    /// <summary>Upstream address, only where the mirror file is byte-identical to it.</summary>
    public string? Upstream { get; init; }
    /// <summary>For derived files: what they were derived from (informational, not a download place).</summary>
    public string? DerivedFrom { get; init; }
    /// <summary>Set when the edition in use is a file a user added, not the built-in one (see <see cref="SourceOverlay"/>).</summary>
    public AddedFile? Added { get; init; }
}
