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
                .Select(s => new SchemeFinding(s, false, Reason.Of("schemes.permit-undetermined", ("permit", permit.Why)), null))];
        if (permit.IsAssumed)
            provenance.Assume(Reason.About(plant.Id, permit.Why));
        return plant.Kind switch
        {
            PlantKind.WindTurbine when plant.TotalHeightM is { } h => Wind(h, distanceM, date, book, provenance),
            PlantKind.SolarPark => Solar(distanceM, date, book, provenance),
            _ => [new SchemeFinding("all", false, Reason.Of("schemes.height-unknown"), null)],
        };
    }

    private static List<SchemeFinding> Wind(double h, double d, DateOnly date, RuleBook book, Provenance p)
    {
        var multiple = d / h;
        var at = Reason.Of("schemes.wind-at", ("distance", d), ("multiple", multiple), ("height", h));
        var findings = new List<SchemeFinding>();

        if (book.Find(Schemes.MinimumDistance, date) is { } min)
        {
            var k = p.Use(min, "windMultipleOfH").Value;
            findings.Add(d < k * h
                ? new SchemeFinding(Schemes.MinimumDistance, true, Reason.Of("minimum-distance.inside", ("at", at), ("k", k), ("limit", k * h)), min.Ref) { Violation = true }
                : new SchemeFinding(Schemes.MinimumDistance, false, Reason.Of("minimum-distance.outside", ("at", at), ("k", k), ("limit", k * h)), min.Ref));
        }

        findings.Add(book.Find(Schemes.SalesOption, date) is { } sale
            ? Between(Schemes.SalesOption, sale, p.Use(sale, "windFromMultipleOfH").Value, p.Use(sale, "windToMultipleOfH").Value, h, d, at)
            : NotInPeriod(Schemes.SalesOption, date, book));

        if (book.Find(Schemes.VeBonus, date) is { } bonus)
        {
            var k = p.Use(bonus, "windMultipleOfH").Value;
            var kw = p.Use(bonus, "kPerHousehold");
            findings.Add(d <= k * h
                ? new SchemeFinding(Schemes.VeBonus, true, Reason.Of("ve-bonus.within", ("at", at), ("k", k), ("limit", k * h), ("kw", kw.Value)), bonus.Ref) { KPerHouseholdKw = kw.Value }
                : new SchemeFinding(Schemes.VeBonus, false, Reason.Of("ve-bonus.beyond", ("at", at), ("k", k), ("limit", k * h)), bonus.Ref));
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
                ? new SchemeFinding(Schemes.LossOfValue, true, Reason.Of("loss-of-value.fee", ("at", at), ("k", k), ("fee", fee)), loss.Ref) { AmountDkk = fee }
                : new SchemeFinding(Schemes.LossOfValue, true, Reason.Of("loss-of-value.no-fee", ("at", at), ("k", k)), loss.Ref) { AmountDkk = 0 });
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.LossOfValue, date, book));
        }
        return findings;
    }

    private static List<SchemeFinding> Solar(double d, DateOnly date, RuleBook book, Provenance p)
    {
        var at = Reason.Of("schemes.solar-at", ("distance", d));
        var findings = new List<SchemeFinding>();
        if (book.Find(Schemes.MinimumDistance, date) is { } min && p.UseOptional(min, "solarMinDistance") is { } local)
        {
            findings.Add(d < local.Value
                ? new SchemeFinding(Schemes.MinimumDistance, true, Reason.Of("minimum-distance.solar-inside", ("at", at), ("limit", local.Value)), min.Ref) { Violation = true }
                : new SchemeFinding(Schemes.MinimumDistance, false, Reason.Of("minimum-distance.solar-outside", ("at", at), ("limit", local.Value)), min.Ref));
        }
        findings.Add(book.Find(Schemes.SalesOption, date) is { } sale
            ? Within(Schemes.SalesOption, sale, p.Use(sale, "solarMaxDistance").Value, d, at)
            : NotInPeriod(Schemes.SalesOption, date, book));
        if (book.Find(Schemes.VeBonus, date) is { } bonus)
        {
            var max = p.Use(bonus, "solarMaxDistance").Value;
            var kw = p.Use(bonus, "kPerHousehold");
            findings.Add(d <= max
                ? new SchemeFinding(Schemes.VeBonus, true, Reason.Of("ve-bonus.solar-within", ("at", at), ("limit", max), ("kw", kw.Value)), bonus.Ref) { KPerHouseholdKw = kw.Value }
                : new SchemeFinding(Schemes.VeBonus, false, Reason.Of("schemes.solar-beyond", ("at", at), ("limit", max)), bonus.Ref));
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.VeBonus, date, book));
        }
        if (book.Find(Schemes.LossOfValue, date) is { } loss && p.UseOptional(loss, "feeBeyondSolarDistance") is { } limit)
        {
            var fee = p.Use(loss, "fee").Value;
            findings.Add(d > limit.Value
                ? new SchemeFinding(Schemes.LossOfValue, true, Reason.Of("loss-of-value.solar-fee", ("at", at), ("limit", limit.Value), ("fee", fee)), loss.Ref) { AmountDkk = fee }
                : new SchemeFinding(Schemes.LossOfValue, true, Reason.Of("loss-of-value.solar-no-fee", ("at", at), ("limit", limit.Value)), loss.Ref) { AmountDkk = 0 });
        }
        else
        {
            findings.Add(NotInPeriod(Schemes.LossOfValue, date, book));
        }
        return findings;
    }

    private static SchemeFinding Between(string scheme, RuleSet set, double from, double to, double h, double d, Reason at) =>
        d >= from * h && d <= to * h
            ? new SchemeFinding(scheme, true, Reason.Of("schemes.within-band", ("at", at), ("from", from), ("to", to), ("fromM", from * h), ("toM", to * h)), set.Ref)
            : new SchemeFinding(scheme, false, Reason.Of("schemes.outside-band", ("at", at), ("from", from), ("to", to), ("fromM", from * h), ("toM", to * h)), set.Ref);

    private static SchemeFinding Within(string scheme, RuleSet set, double max, double d, Reason at) =>
        d <= max
            ? new SchemeFinding(scheme, true, Reason.Of("schemes.solar-within", ("at", at), ("limit", max)), set.Ref)
            : new SchemeFinding(scheme, false, Reason.Of("schemes.solar-beyond", ("at", at), ("limit", max)), set.Ref);

    private static SchemeFinding NotInPeriod(string scheme, DateOnly date, RuleBook book) =>
        new(scheme, false, book.Earliest(scheme) is { } first && date < first
            ? Reason.Of("schemes.not-yet", ("from", first), ("date", date))
            : Reason.Of("schemes.no-rule-set", ("scheme", scheme), ("date", date)), null);

    internal static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
