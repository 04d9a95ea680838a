using System.Globalization;
using VeSiting.Core.Domain;

namespace VeSiting.Core.DataCoverage;

/// <summary>
/// Which household count an answer rests on: the BBR dwelling units at each access address where BBR units are loaded,
/// else the dwelling units the address data gives (DAWA/DAR unit addresses), else one household per access address.
/// <paramref name="AddressesWithUnits"/> counts every access address with a known count, <paramref name="AddressesWithBbr"/>
/// those of them whose count comes from BBR, <paramref name="AddressesWithFlats"/> those whose count is the
/// <c>building:flats</c> of their OpenStreetMap building.
/// </summary>
public sealed record HouseholdBasis(int Addresses, int AddressesWithUnits, int Households, int AddressesWithBbr = 0, int AddressesWithFlats = 0)
{
    public const string OnePerAddress = "one household per access address";
    public const string BbrDwellingUnits = "BBR dwelling units";
    public const string BuildingFlats = "building:flats of the OpenStreetMap buildings";

    public static HouseholdBasis Of(IEnumerable<Address> addresses)
    {
        int count = 0, withUnits = 0, households = 0, withBbr = 0, withFlats = 0;
        foreach (var address in addresses)
        {
            count++;
            if (address.Households is { } known)
            {
                withUnits++;
                households += known;
                if (address.HouseholdsFromBbr)
                    withBbr++;
                else if (address.HouseholdsFromBuildingFlats)
                    withFlats++;
            }
            else
            {
                households++;
            }
        }
        return new HouseholdBasis(count, withUnits, households, withBbr, withFlats);
    }

    /// <summary>The basis in words, with the counts it rests on.</summary>
    public string Statement
    {
        get
        {
            var n = Addresses.ToString("N0", CultureInfo.InvariantCulture);
            var total = Households.ToString("N0", CultureInfo.InvariantCulture);
            if (Addresses == 0)
                return "no addresses, so no households";
            if (AddressesWithBbr > 0 || AddressesWithFlats > 0)
                return Mixed(n, total);
            if (AddressesWithUnits == Addresses)
                return $"{total} household(s) from the dwelling units the address data gives at each of the {n} access address(es)";
            if (AddressesWithUnits == 0)
                return $"{OnePerAddress}: the address data gives no dwelling units, so {n} access address(es) count as {total} household(s)";
            return string.Create(CultureInfo.InvariantCulture,
                $"{total} household(s): dwelling units from the address data at {AddressesWithUnits:N0} of {n} access address(es), {OnePerAddress} at the other {Addresses - AddressesWithUnits:N0}");
        }
    }

    private string Mixed(string n, string total)
    {
        if (AddressesWithBbr == Addresses)
            return $"{total} household(s) from the {BbrDwellingUnits} at each of the {n} access address(es)";
        if (AddressesWithFlats == Addresses)
            return $"{total} household(s) from the {BuildingFlats} at each of the {n} access address(es)";
        var parts = new List<string>();
        if (AddressesWithBbr > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{BbrDwellingUnits} at {AddressesWithBbr:N0} of {n} access address(es)"));
        if (AddressesWithFlats > 0)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{BuildingFlats} at {AddressesWithFlats:N0}{(parts.Count == 0 ? $" of {n} access address(es)" : "")}"));
        if (AddressesWithUnits > AddressesWithBbr + AddressesWithFlats)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"dwelling units from the unit addresses at {AddressesWithUnits - AddressesWithBbr - AddressesWithFlats:N0}"));
        if (Addresses > AddressesWithUnits)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{OnePerAddress} at the other {Addresses - AddressesWithUnits:N0}"));
        return $"{total} household(s): {string.Join(", ", parts)}";
    }
}
