namespace VeSiting.Core.Assessments;

/// <summary>The households a project's VE-bonus reaches, each access address once however many members it is near.</summary>
public sealed record ProjectHouseholds(int Addresses, int Households, int AddressesWithoutHouseholdCount)
{
    /// <summary>How the households were counted, as every answer states it.</summary>
    public Reason Basis => AddressesWithoutHouseholdCount == 0
        ? Reason.Of("households.dwelling-units", ("households", Households), ("addresses", Addresses))
        : AddressesWithoutHouseholdCount == Addresses
            ? Reason.Of("households.per-address", ("households", Households))
            : Reason.Of("households.partly-units", ("households", Households), ("addresses", Addresses), ("without", AddressesWithoutHouseholdCount));

    /// <summary>Addresses within the VE-bonus distance (k × the member's own H, or the solar distance) of any member.</summary>
    public static async Task<ProjectHouseholds> CountAsync(ISpatialStore store, IReadOnlyList<Plant> members, RuleSet bonus, Provenance provenance, CancellationToken cancellationToken)
    {
        var reaches = members.Select(m => (Plant: m, Reach: VeBonusCalculator.Reach(m, bonus, provenance))).ToList();
        var search = members.Count == 1 ? members[0].Geometry : members[0].Geometry.Factory.BuildGeometry(members.Select(m => m.Geometry));
        var near = await store.SitesWithinAsync(search, reaches.Max(r => r.Reach), cancellationToken);
        int addresses = 0, households = 0, unknown = 0;
        foreach (var hit in near.Addresses)
        {
            if (!reaches.Any(r => r.Plant.Geometry.Distance(hit.Address.Position) <= r.Reach))
                continue;
            addresses++;
            households += hit.Address.Households ?? 1;
            if (hit.Address.Households is null)
                unknown++;
        }
        if (unknown > 0)
            provenance.Assume(Reason.Of("assume.one-household-per-address"));
        return new ProjectHouseholds(addresses, households, unknown);
    }
}
