namespace VeSiting.Core.Domain;

/// <summary>Statistics Denmark population of one municipality at a point in time (FOLK1A).</summary>
public sealed record MunicipalityPopulation(int MunicipalityCode, string MunicipalityName, string Period, long Population, RecordOrigin Origin);
