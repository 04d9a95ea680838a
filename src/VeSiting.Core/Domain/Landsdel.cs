namespace VeSiting.Core.Domain;

/// <summary>
/// One of Danmarks Statistik's 11 landsdele (NUTS 3, code "DK011" …): a group of whole municipalities ("0101") within
/// one region ("1084").
/// </summary>
public sealed record Landsdel(string Code, string Name, string RegionCode, IReadOnlyList<string> MunicipalityCodes);
