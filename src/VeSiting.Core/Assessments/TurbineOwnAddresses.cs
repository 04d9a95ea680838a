namespace VeSiting.Core.Assessments;

/// <summary>An address recognised as a registered turbine's own address point, not a neighbour's home, and why.</summary>
public sealed record TurbineAddress(Address Address, Plant Turbine, double DistanceM, Reason Why);

/// <summary>
/// A registered turbine often has an access address of its own, placed at the tower: that address is not a neighbour's
/// home, and counting it would put a "household" inside the minimum distance of every such turbine. An address within
/// the data-reading rule set's <c>turbineOwnAddressRadius</c> of an operating or decommissioned wind turbine is
/// recognised as the turbine's own; planned turbines are not used (an address beside one is a home in its way).
/// Without a data-reading rule set nothing is recognised.
/// </summary>
public static class TurbineOwnAddresses
{
    public const string RadiusKey = "turbineOwnAddressRadius";

    private static readonly PlantFilter RegisteredTurbines = new()
    {
        Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
        Statuses = new HashSet<PlantStatus> { PlantStatus.Operating, PlantStatus.Decommissioned },
    };

    /// <summary>Which of <paramref name="addresses"/> are turbines' own, by address id; the rule value is recorded in the provenance when used.</summary>
    public static async Task<IReadOnlyDictionary<string, TurbineAddress>> FindAsync(ISpatialStore store, RuleBook rules, DateOnly today,
        IReadOnlyList<Address> addresses, Provenance provenance, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, TurbineAddress>(StringComparer.Ordinal);
        if (addresses.Count == 0 || rules.Find(Schemes.DataReading, today) is not { } set || set.Optional(RadiusKey) is not { } radius)
            return found;
        var near = await store.PlantsWithinEachAsync(addresses.Select(a => a.Position).ToList(), radius.Value, RegisteredTurbines, cancellationToken);
        for (var i = 0; i < addresses.Count; i++)
        {
            if (near[i].Where(p => p.DistanceM <= radius.Value).OrderBy(p => p.DistanceM).ThenBy(p => p.Plant.Id, StringComparer.Ordinal).FirstOrDefault() is not { } own)
                continue;
            found[addresses[i].Id] = new TurbineAddress(addresses[i], own.Plant, own.DistanceM, Reason.Of("neighbours.turbine-own-address",
                ("distance", Math.Round(own.DistanceM, 1)), ("turbine", own.Plant.Id), ("limit", radius.Value), ("rule", set.Ref.ToString())));
        }
        if (found.Count > 0)
            provenance.Use(set, RadiusKey);
        return found;
    }
}
