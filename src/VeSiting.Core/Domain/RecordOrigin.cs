namespace VeSiting.Core.Domain;

/// <summary>Where a record came from: the source id, the file, the sheet (spreadsheets) and the 1-based row.</summary>
public sealed record RecordOrigin(string SourceId, string File, int Row, string? Sheet = null)
{
    public override string ToString() => Sheet is null ? $"{File} row {Row}" : $"{File} [{Sheet}] row {Row}";
}
