using System.Globalization;
using VeSiting.Core.Domain;

namespace VeSiting.Core.Rules;

/// <summary>
/// The neighbour schemes for one dwelling at a given distance from one plant: minimum distance, sales option,
/// VE-bonus eligibility and the loss-of-value fee. Distances are to the turbine (or the solar park's area).
/// VE-bonus amounts are added by the caller, which knows the project's capacity, production and cap.
/// </summary>
public static class NeighbourSchemes
{
    public static IReadOnlyList<SchemeFinding> Evaluate(Plant plant, double distanceM, PermitBasis permit, RuleBook book, Provenance provenance)
    {
        if (permit.Date is not { } date)
            return [.. new[] { Schemes.MinimumDistance, Schemes.SalesOption, Schemes.VeBonus, Schemes.LossOfValue }
                .Select(s => new SchemeFinding(s, false, $"cannot be determined: {permit.Explanation}", null))];
        if (permit.IsAssumed)
            provenance.Assume($"{plant.Id}: {permit.Explanation}");
        return plant.Kind switch
        {
            PlantKind.WindTurbine when plant.TotalHeightM is { } h => Wind(h, distanceM, date, book, provenance),
            PlantKind.SolarPark => Solar(distanceM, date, book, provenance),
            _ => [new SchemeFinding("all", false, "the schemes need the turbine's total height, which is unknown", null)],
        };
    }

    private static List<SchemeFinding> Wind(double h, double d, DateOnly date, RuleBook book, Provenance p)
    {
        var multiple = d / h;
        var at = $"{F(d)} m = {F(multiple)} × H (H = {F(h)} m)";
        var findings = new List<SchemeFinding>();

        if (book.Find(Schemes.MinimumDistance, date) is { } min)
        {
            var k = p.Use(min, "windMultipleOfH").Value;
            findings.Add(d < k * h
                ? new SchemeFinding(Schemes.MinimumDistance, true, $"{at} < {F(k)} × H = {F(k * h)} m: closer than the minimum distance", min.Ref) { Violation = true }
                : new SchemeFinding(Schemes.MinimumDistance, false, $"{at} ≥ {F(k)} × H = {F(k * h)} m", min.Ref));
        }

        findings.Add(book.Find(Schemes.SalesOption, date) is { } sale
            ? Between(Schemes.SalesOption, sale, p.Use(sale, "windFromMultipleOfH").Value, p.Use(sale, "windToMultipleOfH").Value, h, d, at)
            : NotInPeriod(Schemes.SalesOption, date, book));

        if (book.Find(Schemes.VeBonus, date) is { } bonus)
        {
            var k = p.Use(bonus, "windMultipleOfH").Value;
            var kw = p.Use(bonus, "kPerHousehold");
            findings.Add(d <= k * h
                ? new SchemeFinding(Schemes.VeBonus, true, $"{at} ≤ {F(k)} × H = {F(k * h)} m: k = {F(kw.Value)} kW per household", bonus.Ref) { KPerHouseholdKw = kw.Value }
                : new SchemeFinding(Schemes.VeBonus, false, $"{at} > {F(k)} × H = {F(k * h)} m", bonus.Ref));
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.VeBonus, date, book));
        }

        if (book.Find(Schemes.LossOfValue, date) is { } loss)
        {
            var k = p.Use(loss, "feeBeyondWindMultipleOfH").Value;
            var fee = p.Use(loss, "fee").Value;
            findings.Add(d > k * h
                ? new SchemeFinding(Schemes.LossOfValue, true, $"may claim; {at} > {F(k)} × H, so a fee of {F(fee)} DKK applies", loss.Ref) { AmountDkk = fee }
                : new SchemeFinding(Schemes.LossOfValue, true, $"may claim without fee; {at} ≤ {F(k)} × H", loss.Ref) { AmountDkk = 0 });
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.LossOfValue, date, book));
        }
        return findings;
    }

    private static List<SchemeFinding> Solar(double d, DateOnly date, RuleBook book, Provenance p)
    {
        var at = $"{F(d)} m from the park's area";
        var findings = new List<SchemeFinding>();
        if (book.Find(Schemes.MinimumDistance, date) is { } min && p.UseOptional(min, "solarMinDistance") is { } local)
        {
            findings.Add(d < local.Value
                ? new SchemeFinding(Schemes.MinimumDistance, true, $"{at} < {F(local.Value)} m: closer than the local minimum", min.Ref) { Violation = true }
                : new SchemeFinding(Schemes.MinimumDistance, false, $"{at} ≥ {F(local.Value)} m", min.Ref));
        }
        findings.Add(book.Find(Schemes.SalesOption, date) is { } sale
            ? Within(Schemes.SalesOption, sale, p.Use(sale, "solarMaxDistance").Value, d, at)
            : NotInPeriod(Schemes.SalesOption, date, book));
        if (book.Find(Schemes.VeBonus, date) is { } bonus)
        {
            var max = p.Use(bonus, "solarMaxDistance").Value;
            var kw = p.Use(bonus, "kPerHousehold");
            findings.Add(d <= max
                ? new SchemeFinding(Schemes.VeBonus, true, $"{at} ≤ {F(max)} m: k = {F(kw.Value)} kW per household", bonus.Ref) { KPerHouseholdKw = kw.Value }
                : new SchemeFinding(Schemes.VeBonus, false, $"{at} > {F(max)} m", bonus.Ref));
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.VeBonus, date, book));
        }
        if (book.Find(Schemes.LossOfValue, date) is { } loss && p.UseOptional(loss, "feeBeyondSolarDistance") is { } limit)
        {
            var fee = p.Use(loss, "fee").Value;
            findings.Add(d > limit.Value
                ? new SchemeFinding(Schemes.LossOfValue, true, $"may claim; {at} > {F(limit.Value)} m, so a fee of {F(fee)} DKK applies", loss.Ref) { AmountDkk = fee }
                : new SchemeFinding(Schemes.LossOfValue, true, $"may claim without fee; {at} ≤ {F(limit.Value)} m", loss.Ref) { AmountDkk = 0 });
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.LossOfValue, date, book));
        }
        return findings;
    }

    private static SchemeFinding Between(string scheme, RuleSet set, double from, double to, double h, double d, string at) =>
        d >= from * h && d <= to * h
            ? new SchemeFinding(scheme, true, $"{at} is within {F(from)}–{F(to)} × H ({F(from * h)}–{F(to * h)} m)", set.Ref)
            : new SchemeFinding(scheme, false, $"{at} is outside {F(from)}–{F(to)} × H ({F(from * h)}–{F(to * h)} m)", set.Ref);

    private static SchemeFinding Within(string scheme, RuleSet set, double max, double d, string at) =>
        d <= max
            ? new SchemeFinding(scheme, true, $"{at} ≤ {F(max)} m", set.Ref)
            : new SchemeFinding(scheme, false, $"{at} > {F(max)} m", set.Ref);

    private static SchemeFinding NotInPeriod(string scheme, DateOnly date, RuleBook book) =>
        new(scheme, false, book.Earliest(scheme) is { } first && date < first
            ? $"not covered: the scheme applies to permits from {first:yyyy-MM-dd}, this one is dated {date:yyyy-MM-dd}"
            : $"no rule set of {scheme} covers permits dated {date:yyyy-MM-dd}", null);

    internal static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
