namespace VeSiting.Core.Registers;

/// <summary>
/// When a powerplantmatching wind farm is the same plant as turbines of the ENS register (docs/rules-and-tariffs.md,
/// "One plant register"): register turbines in operation, of the farm's siting, within <see cref="OnshoreRadiusM"/>
/// (onshore) or <see cref="OffshoreRadiusM"/> (offshore; its positions are a park's rough centre) of the farm's
/// position, holding together at least <see cref="MinCapacityShare"/> of the farm's capacity.
/// </summary>
public sealed record WindFarmMatchRule
{
    public double OnshoreRadiusM { get; init; } = 5_000;
    public double OffshoreRadiusM { get; init; } = 20_000;
    public double MinCapacityShare { get; init; } = 0.5;

    public static WindFarmMatchRule Default { get; } = new();

    public string Describe() =>
        $"register turbines of the same siting within {OnshoreRadiusM / 1000:0.#} km (onshore) or {OffshoreRadiusM / 1000:0.#} km (offshore) holding at least {MinCapacityShare:P0} of its capacity";
}

/// <summary>What merging the registers did to one powerplantmatching wind farm.</summary>
public sealed record WindFarmMatch(Plant Farm, bool Matched, int RegisterTurbines, double RegisterKw, Reason Why);

/// <summary>
/// One plant register without double counting: wind from the ENS register only; powerplantmatching wind farms that
/// the register already holds are dropped, the others kept and labelled; every other plant is kept as it is.
/// </summary>
public static class WindRegisterMerge
{
    public const string UnmatchedLabel = "not in the ENS register edition loaded: kept from powerplantmatching";

    public static (IReadOnlyList<Plant> Plants, IReadOnlyList<WindFarmMatch> Matches) Merge(
        IReadOnlyList<Plant> register, IReadOnlyList<Plant> others, WindFarmMatchRule? rule = null)
    {
        rule ??= WindFarmMatchRule.Default;
        var turbines = register.Where(p => p is { Kind: PlantKind.WindTurbine, Status: PlantStatus.Operating }).ToList();
        var index = new NetTopologySuite.Index.Strtree.STRtree<Plant>();
        foreach (var t in turbines)
            index.Insert(t.Geometry.EnvelopeInternal, t);

        var kept = new List<Plant>(register);
        var matches = new List<WindFarmMatch>();
        foreach (var plant in others)
        {
            if (plant.Kind != PlantKind.WindFarm)
            {
                kept.Add(plant);
                continue;
            }
            var match = Match(plant, index, rule);
            matches.Add(match);
            if (!match.Matched)
                kept.Add(plant with { Technology = $"{plant.Technology} ({UnmatchedLabel})" });
        }
        return (kept, matches);
    }

    private static WindFarmMatch Match(Plant farm, NetTopologySuite.Index.Strtree.STRtree<Plant> index, WindFarmMatchRule rule)
    {
        var radius = farm.Siting == Siting.Offshore ? rule.OffshoreRadiusM : rule.OnshoreRadiusM;
        var search = farm.Geometry.EnvelopeInternal.Copy();
        search.ExpandBy(radius);
        var near = index.Query(search).Where(t => (farm.Siting == Siting.Unknown || t.Siting == farm.Siting) && t.Geometry.Distance(farm.Geometry) <= radius).ToList();
        var kw = near.Sum(t => t.CapacityKw ?? 0);
        var farmKw = farm.CapacityKw ?? 0;
        var matched = near.Count > 0 && kw >= rule.MinCapacityShare * farmKw;
        var why = Reason.Of(matched ? "import.ppm-matched" : "import.ppm-unmatched",
            ("turbines", near.Count), ("mw", kw / 1000), ("km", radius / 1000), ("farm", farmKw / 1000));
        return new WindFarmMatch(farm, matched, near.Count, kw, why);
    }
}
