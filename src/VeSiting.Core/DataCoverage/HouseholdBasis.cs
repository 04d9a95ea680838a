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
    public string Statement => Because.Text;

    /// <summary><see cref="Statement"/> as a code and values.</summary>
    public Reason Because
    {
        get
        {
            if (Addresses == 0)
                return Reason.Of("households.none");
            if (AddressesWithBbr > 0 || AddressesWithFlats > 0)
                return Mixed();
            if (AddressesWithUnits == Addresses)
                return Reason.Of("households.all-units", ("total", Households), ("n", Addresses));
            if (AddressesWithUnits == 0)
                return Reason.Of("households.no-units", ("total", Households), ("n", Addresses));
            return Reason.Of("households.some-units", ("total", Households), ("units", AddressesWithUnits), ("n", Addresses), ("other", Addresses - AddressesWithUnits));
        }
    }

    private Reason Mixed()
    {
        if (AddressesWithBbr == Addresses)
            return Reason.Of("households.all-bbr", ("total", Households), ("n", Addresses));
        if (AddressesWithFlats == Addresses)
            return Reason.Of("households.all-flats", ("total", Households), ("n", Addresses));
        var parts = new List<Reason>();
        if (AddressesWithBbr > 0)
            parts.Add(Reason.Of("households.part-bbr", ("count", AddressesWithBbr), ("n", Addresses)));
        if (AddressesWithFlats > 0)
            parts.Add(parts.Count == 0 ? Reason.Of("households.part-flats-first", ("count", AddressesWithFlats), ("n", Addresses)) : Reason.Of("households.part-flats", ("count", AddressesWithFlats)));
        if (AddressesWithUnits > AddressesWithBbr + AddressesWithFlats)
            parts.Add(Reason.Of("households.part-unit-addresses", ("count", AddressesWithUnits - AddressesWithBbr - AddressesWithFlats)));
        if (Addresses > AddressesWithUnits)
            parts.Add(Reason.Of("households.part-one-per-address", ("count", Addresses - AddressesWithUnits)));
        var list = parts.SkipLast(1).Reverse().Aggregate(parts[^1], (rest, first) => Reason.Of("general.and", ("first", first), ("rest", rest)));
        return Reason.Of("households.mixed", ("total", Households), ("parts", list));
    }
}
