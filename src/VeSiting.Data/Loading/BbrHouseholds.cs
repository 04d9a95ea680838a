using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.Bbr;
using VeSiting.Data.Importers.Dar;

namespace VeSiting.Data.Loading;

/// <summary>
/// Households per access address from BBR units: each unit is placed at the access address its unit address
/// (<c>adresseIdentificerer</c>) belongs to, by the unit address links of the address data (DAWA <c>adresser</c> or the
/// DAR bulk download's <c>AdresseList</c>). An access address with at least one such unit gets its dwelling units
/// (<see cref="BbrUnitUse"/>) as households, marked as coming from BBR, even when that is 0 (only shops or offices);
/// other access addresses keep the basis the address data gives. Units whose unit address the address data does not
/// hold are counted in one note.
/// </summary>
public static class BbrHouseholds
{
    public sealed record Result(IReadOnlyList<Address> Addresses, IReadOnlyList<ImportIssue> Issues);

    public static Result Apply(IReadOnlyList<Address> addresses, IReadOnlyList<BbrUnit> units, UnitAddressLinks unitAddressLinks)
    {
        if (units.Count == 0)
            return new Result(addresses, []);
        var dwellings = new Dictionary<string, int>(StringComparer.Ordinal);
        var unplaced = new List<BbrUnit>();
        foreach (var unit in units)
        {
            if (!unitAddressLinks.TryGetAccessAddress(unit.UnitAddressId, out var access))
            {
                unplaced.Add(unit);
                continue;
            }
            dwellings[access] = dwellings.GetValueOrDefault(access) + (unit.IsDwelling ? 1 : 0);
        }
        var result = new Address[addresses.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var a = addresses[i];
            result[i] = dwellings.TryGetValue(a.Id, out var count) ? a with { Households = count, HouseholdsFromBbr = true, HouseholdsFromBuildingFlats = false } : a;
        }
        var issues = new List<ImportIssue>();
        if (unplaced.Count > 0)
        {
            var first = unplaced[0];
            issues.Add(new ImportIssue(ImportIssueSeverity.Note, first.Origin.File, first.Origin.Row, BbrUnitReader.UnitAddress,
                Reason.Of("import.bbr-unplaced", ("count", unplaced.Count), ("first", first.UnitAddressId)), first.Origin.Sheet));
        }
        return new Result(result, issues);
    }
}
