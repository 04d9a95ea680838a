using System.Globalization;
using VeSiting.Core.Domain;

namespace VeSiting.Core.DataCoverage;

/// <summary>
/// Which household count an answer rests on: the dwelling units the address data gives per access address (DAWA unit
/// addresses, or BBR dwellings where loaded), or one household per access address where it gives none.
/// </summary>
public sealed record HouseholdBasis(int Addresses, int AddressesWithUnits, int Households)
{
    public const string OnePerAddress = "one household per access address";

    public static HouseholdBasis Of(IEnumerable<Address> addresses)
    {
        int count = 0, withUnits = 0, households = 0;
        foreach (var address in addresses)
        {
            count++;
            if (address.Households is { } known)
            {
                withUnits++;
                households += known;
            }
            else
            {
                households++;
            }
        }
        return new HouseholdBasis(count, withUnits, households);
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
            if (AddressesWithUnits == Addresses)
                return $"{total} household(s) from the dwelling units the address data gives at each of the {n} access address(es)";
            if (AddressesWithUnits == 0)
                return $"{OnePerAddress}: the address data gives no dwelling units, so {n} access address(es) count as {total} household(s)";
            return string.Create(CultureInfo.InvariantCulture,
                $"{total} household(s): dwelling units from the address data at {AddressesWithUnits:N0} of {n} access address(es), {OnePerAddress} at the other {Addresses - AddressesWithUnits:N0}");
        }
    }
}
