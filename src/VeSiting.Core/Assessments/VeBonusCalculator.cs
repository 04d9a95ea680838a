namespace VeSiting.Core.Assessments;

/// <summary>What a plant or project pays each qualifying household per year, with the 1.5 % cap applied.</summary>
public sealed record VeBonusEstimate(
    double KPerHouseholdKw,
    double InstalledKw,
    double AnnualKwh,
    Reason ProductionBasis,
    double PriceDkkPerKwh,
    BonusCap Cap,
    RuleSetRef RuleSet)
{
    public double PerHouseholdDkk => VeBonus.PerHousehold(Cap.EffectiveKw, InstalledKw, AnnualKwh, PriceDkkPerKwh);
    public double TotalDkk => PerHouseholdDkk * Cap.Households;

    /// <summary>The formula with its numbers (and the cap where it cut k), and the production's basis.</summary>
    public Reason Why => Cap.Applied
        ? Reason.Of("ve-bonus.estimate-capped", ("kw", Cap.EffectiveKw), ("installed", InstalledKw), ("kwh", AnnualKwh), ("price", PriceDkkPerKwh),
            ("k", KPerHouseholdKw), ("households", Cap.Households), ("cap", Cap.CapKw), ("production", ProductionBasis))
        : Reason.Of("ve-bonus.estimate", ("kw", Cap.EffectiveKw), ("installed", InstalledKw), ("kwh", AnnualKwh), ("price", PriceDkkPerKwh), ("production", ProductionBasis));
}

public static class VeBonusCalculator
{
    /// <summary>How far a plant's VE-bonus reaches: 200 m around solar, 8 × H around a turbine (per the rule set).</summary>
    public static double Reach(Plant plant, RuleSet rules, Provenance provenance) =>
        plant.Kind == PlantKind.SolarPark
            ? provenance.Use(rules, "solarMaxDistance").Value
            : NeighbourRadius.MultipleOfTotalHeight(plant, provenance.Use(rules, "windMultipleOfH").Value);

    /// <summary>The estimate for plants sharing one permit (a project), or null when the VE-bonus does not cover the permit date.</summary>
    public static VeBonusEstimate? Estimate(IReadOnlyList<Plant> plants, DateOnly permitDate, int households, RuleBook book, double priceDkkPerKwh, Provenance provenance)
    {
        if (book.Find(Schemes.VeBonus, permitDate) is not { } rules)
            return null;
        var estimates = book.Require(Schemes.Estimates, permitDate);
        var k = provenance.Use(rules, "kPerHousehold").Value;
        var share = provenance.Use(rules, "capShareOfCapacity").Value;
        var installed = plants.Sum(p => p.CapacityKw ?? 0);
        if (installed <= 0)
            return null;
        var production = plants.Select(p => ProductionEstimate.AnnualKwh(p, estimates, provenance)).ToList();
        var basis = production.Count == 1 ? production[0].Basis
            : Reason.Of("production.sum", ("count", production.Count), ("bases", Reason.Join(production.Select(p => p.Basis).Distinct().Take(3))));
        return new VeBonusEstimate(k, installed, production.Sum(p => p.Kwh), basis, priceDkkPerKwh, new BonusCap(installed, share, k, households), rules.Ref);
    }
}
