using VeSiting.Core.DataCoverage;

namespace VeSiting.Api.Contracts;

/// <summary>
/// Whether the loaded address data covers a municipality: its addresses against the dwellings its population implies;
/// <c>statement</c> says what to load when it does not (null when it does); <c>sources</c> are the address sources its
/// addresses come from (e.g. <c>dar-addresses</c>, <c>osm</c>), <c>sourceStatement</c> the same in words.
/// </summary>
public sealed record AddressCoverageDto(string MunicipalityCode, string MunicipalityName, int Addresses, double? ExpectedDwellings, bool Covered, string? Statement,
    IReadOnlyList<string> Sources, string? SourceStatement)
{
    public static AddressCoverageDto Of(AddressCoverage c) =>
        new(c.Municipality.Code, c.Municipality.Name, c.Addresses, c.ExpectedDwellings is { } d ? Math.Round(d) : null, !c.IsThin, c.StatementReason?.Rendered, c.Sources, c.SourceReason?.Rendered);
}
