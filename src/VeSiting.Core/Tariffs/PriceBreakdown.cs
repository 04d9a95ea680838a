namespace VeSiting.Core.Tariffs;

/// <summary>A price per kWh for one profile: components after discounts (øre/kWh), VAT, and the year's bill.</summary>
public sealed record PriceBreakdown(
    IReadOnlyDictionary<PriceComponent, double> ComponentsOrePerKwh,
    IReadOnlyDictionary<PriceComponent, double> DiscountsOrePerKwh,
    double VatRate,
    double AnnualKwh)
{
    public double ExVatOrePerKwh => ComponentsOrePerKwh.Values.Sum();
    public double InclVatOrePerKwh => ExVatOrePerKwh * (1 + VatRate);
    public double DkkPerKwh => InclVatOrePerKwh / 100;
    public double AnnualDkk => DkkPerKwh * AnnualKwh;
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
        return new PriceBreakdown(after, cut, stack.VatRate, profile.AnnualKwh);
    }
}
