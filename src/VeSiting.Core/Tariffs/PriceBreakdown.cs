namespace VeSiting.Core.Tariffs;

/// <summary>
/// A price per kWh for one profile: components after discounts (øre/kWh, the process refund negative), the VAT rate,
/// the fixed charges per year, and the year's bill. A VAT-registered firm deducts the VAT, so it bears none.
/// </summary>
public sealed record PriceBreakdown(
    IReadOnlyDictionary<PriceComponent, double> ComponentsOrePerKwh,
    IReadOnlyDictionary<PriceComponent, double> DiscountsOrePerKwh,
    double VatRate,
    double AnnualKwh)
{
    public Customer Customer { get; init; } = Customer.Household;
    public IReadOnlyList<FixedCharge> FixedCharges { get; init; } = [];
    /// <summary>How the price was formed beyond the components: VAT, refund, fixed charges, carried-forward prices.</summary>
    public IReadOnlyList<Reason> Notes { get; init; } = [];

    public double ExVatOrePerKwh => ComponentsOrePerKwh.Values.Sum();
    public double InclVatOrePerKwh => ExVatOrePerKwh * (1 + VatRate);
    /// <summary>The VAT the customer bears: none for a VAT-registered firm (deductible).</summary>
    public double PayableVatRate => Customer == Customer.Firm ? 0 : VatRate;
    /// <summary>What one kWh costs the customer: with VAT for a household, without for a firm.</summary>
    public double DkkPerKwh => ExVatOrePerKwh * (1 + PayableVatRate) / 100;
    public double FixedDkkPerYear => FixedCharges.Sum(c => c.DkkPerYear) * (1 + PayableVatRate);
    public double AnnualDkk => DkkPerKwh * AnnualKwh + FixedDkkPerYear;
    public Reason Why => Reason.Join(Notes);
}

/// <summary>Prices a consumption profile against a price stack, with optional discounts on named components.</summary>
public static class PriceCalculator
{
    public static PriceBreakdown Price(PriceStack stack, ConsumptionProfile profile, IReadOnlyDictionary<PriceComponent, double>? discounts = null)
    {
        var s = profile.Shares;
        var dso = s.Summer.Low * stack.DsoTariff.Summer.Low + s.Summer.High * stack.DsoTariff.Summer.High + s.Summer.Peak * stack.DsoTariff.Summer.Peak
                + s.Winter.Low * stack.DsoTariff.Winter.Low + s.Winter.High * stack.DsoTariff.Winter.High + s.Winter.Peak * stack.DsoTariff.Winter.Peak;
        // Shares sum to 1, so the weighted sum is the profile's average DSO tariff per kWh.
        var full = new Dictionary<PriceComponent, double>
        {
            [PriceComponent.Spot] = stack.Spot.OrePerKwh,
            [PriceComponent.SupplierMargin] = stack.SupplierMargin.OrePerKwh,
            [PriceComponent.DsoTariff] = dso / s.Sum,
            [PriceComponent.EnerginetTariffs] = stack.EnerginetTariffs.OrePerKwh,
            [PriceComponent.Elafgift] = stack.Elafgift.OrePerKwh,
        };
        var cut = full.ToDictionary(c => c.Key, c => c.Value * Math.Clamp(discounts?.GetValueOrDefault(c.Key) ?? 0, 0, 1));
        var after = full.ToDictionary(c => c.Key, c => c.Value - cut[c.Key]);

        var notes = new List<Reason>();
        if (stack.CarriedForward is { } carried)
            notes.Add(carried);
        if (profile.Customer == Customer.Firm)
            notes.Add(Reason.Of("price.firm-vat", ("rate", stack.VatRate * 100)));
        else
            notes.Add(Reason.Of("price.household-vat", ("rate", stack.VatRate * 100)));
        if (profile.ProcessRefund)
        {
            if (stack.ProcessRefund is { } refund)
            {
                // Only the elafgift actually paid can be refunded.
                after[PriceComponent.ProcessRefund] = -Math.Min(refund.OrePerKwh, after[PriceComponent.Elafgift]);
                notes.Add(Reason.Of("price.refund", ("ore", -after[PriceComponent.ProcessRefund]), ("basis", refund.LegalBasis)));
            }
            else
            {
                notes.Add(Reason.Of("price.no-refund", ("stack", stack.Ref.ToString())));
            }
        }
        if (stack.FixedCharges.Count > 0)
        {
            var charges = stack.FixedCharges.Select(c => Reason.Of("price.fixed-charge", ("title", c.Title), ("dkk", c.DkkPerYear))).ToList();
            notes.Add(Reason.Of("price.fixed", ("charges", charges.SkipLast(1).Reverse().Aggregate(charges[^1], (rest, first) => Reason.Of("general.and", ("first", first), ("rest", rest))))));
        }
        return new PriceBreakdown(after, cut, stack.VatRate, profile.AnnualKwh)
        {
            Customer = profile.Customer,
            FixedCharges = stack.FixedCharges,
            Notes = notes,
        };
    }

}
