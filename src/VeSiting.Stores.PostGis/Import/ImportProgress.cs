namespace VeSiting.Stores.PostGis.Import;

/// <summary>Rows written so far to one table of an import.</summary>
public sealed record ImportProgress(string Table, long Rows, long Total);

/// <summary>What an import wrote: the data version and the rows per table, counted back from the database.</summary>
public sealed record ImportSummary(string DataVersion, IReadOnlyDictionary<string, long> RowCounts, TimeSpan Elapsed);
