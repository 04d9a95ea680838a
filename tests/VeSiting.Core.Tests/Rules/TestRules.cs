using VeSiting.Core.Rules;

namespace VeSiting.Core.Tests.Rules;

/// <summary>Rule sets written out in the test from ../shared/docs/dk-ve-rules.md, independent of geodata/rules.</summary>
internal static class TestRules
{
    public static RuleSet Set(string scheme, string from, string? to, params (string Key, double Value, string Unit)[] values) => new()
    {
        Id = scheme,
        Version = from,
        Scheme = scheme,
        Title = $"{scheme} {from}",
        Period = new PermitPeriod(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to)),
        Values = values.ToDictionary(v => v.Key, v => new RuleValue(v.Value, v.Unit, "dk-ve-rules.md", v.Key == "kPerHousehold" && v.Value == 9.75 ? Confidence.Unconfirmed : Confidence.Confirmed)),
        Sha256 = new string('a', 64),
        File = $"{scheme}-{from}.json",
    };

    public static RuleBook Danish() => new(
    [
        Set(Schemes.MinimumDistance, "2009-01-01", null, ("windMultipleOfH", 4, "H")),
        Set(Schemes.SalesOption, "2020-06-01", null, ("windFromMultipleOfH", 4, "H"), ("windToMultipleOfH", 6, "H"), ("solarMaxDistance", 200, "m")),
        Set(Schemes.VeBonus, "2020-06-01", "2020-12-31", ("windMultipleOfH", 8, "H"), ("solarMaxDistance", 200, "m"), ("kPerHousehold", 5, "kW"), ("capShareOfCapacity", 0.015, "share")),
        Set(Schemes.VeBonus, "2021-01-01", "2024-06-30", ("windMultipleOfH", 8, "H"), ("solarMaxDistance", 200, "m"), ("kPerHousehold", 6.5, "kW"), ("capShareOfCapacity", 0.015, "share")),
        Set(Schemes.VeBonus, "2024-07-01", null, ("windMultipleOfH", 8, "H"), ("solarMaxDistance", 200, "m"), ("kPerHousehold", 9.75, "kW"), ("capShareOfCapacity", 0.015, "share")),
        Set(Schemes.LossOfValue, "2020-06-01", null, ("feeBeyondWindMultipleOfH", 6, "H"), ("feeBeyondSolarDistance", 200, "m"), ("fee", 4000, "DKK")),
        Set(Schemes.GreenPool, "2009-01-01", "2020-05-31", ("onshoreWind", 88_000, "DKK/MW")),
        Set(Schemes.GreenPool, "2020-06-01", "2024-06-30", ("onshoreWind", 125_000, "DKK/MW"), ("offshoreWind", 165_000, "DKK/MW"), ("solar", 40_000, "DKK/MW")),
        Set(Schemes.GreenPool, "2024-07-01", null, ("onshoreWind", 313_000, "DKK/MW"), ("offshoreWind", 418_000, "DKK/MW"), ("solar", 125_000, "DKK/MW")),
        Set(Schemes.PlantEligibility, "2009-01-01", null, ("windMinTotalHeight", 25, "m"), ("solarCoveredFrom", 500, "kW"), ("solarConditionalFrom", 50, "kW")),
        Set(Schemes.Estimates, "2009-01-01", null, ("fullLoadHoursOnshoreWind", 3000, "h"), ("fullLoadHoursOffshoreWind", 4000, "h"), ("fullLoadHoursSolar", 1000, "h")),
    ]);
}
