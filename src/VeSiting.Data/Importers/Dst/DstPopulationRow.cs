namespace VeSiting.Data.Importers.Dst;

/// <summary>One FOLK1A row as published: keyed by municipality name, not code.</summary>
public sealed record DstPopulationRow(string AreaName, string Period, long Population, RecordOrigin Origin);
