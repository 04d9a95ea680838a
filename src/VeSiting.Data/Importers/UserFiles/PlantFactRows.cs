namespace VeSiting.Data.Importers.UserFiles;

/// <summary>One row of a permit-dates file: a plant's GSRN and the date of its building permit.</summary>
public sealed record PermitDateRow(string Gsrn, DateOnly PermitDate, RecordOrigin Origin);

/// <summary>One row of a project-groupings file: a plant's GSRN and the project (permit) it belongs to.</summary>
public sealed record ProjectGroupingRow(string Gsrn, string ProjectId, RecordOrigin Origin);
