using VeSiting.Core.Rules;

namespace VeSiting.Core.Tariffs;

/// <summary>A flat component in øre/kWh with its source.</summary>
public sealed record FlatComponent(double OrePerKwh, string Source, Confidence Confidence, string? Note = null);

/// <summary>The DSO grid tariff per season and Tarifmodel 3.0 period, øre/kWh.</summary>
public sealed record DsoTariff(TimeOfUse Summer, TimeOfUse Winter, string Source, Confidence Confidence, string? Note = null);

/// <summary>What a kWh costs in a year, by component before VAT, plus the VAT rate.</summary>
public sealed record PriceStack
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required int Year { get; init; }
    public required string Title { get; init; }
    public required FlatComponent Spot { get; init; }
    public required FlatComponent SupplierMargin { get; init; }
    public required DsoTariff DsoTariff { get; init; }
    public required FlatComponent EnerginetTariffs { get; init; }
    public required FlatComponent Elafgift { get; init; }
    public required double VatRate { get; init; }
    public required string Sha256 { get; init; }
    public required string File { get; init; }

    public RuleSetRef Ref => new(Id, Version, Sha256[..12]);

    /// <summary>The spot price in DKK/kWh (the price the VE-bonus formula multiplies by).</summary>
    public double SpotDkkPerKwh => Spot.OrePerKwh / 100;

    public IEnumerable<(string Key, RuleValue Value)> Values()
    {
        yield return ("spot", new RuleValue(Spot.OrePerKwh, "øre/kWh", Spot.Source, Spot.Confidence, Spot.Note));
        yield return ("supplierMargin", new RuleValue(SupplierMargin.OrePerKwh, "øre/kWh", SupplierMargin.Source, SupplierMargin.Confidence, SupplierMargin.Note));
        yield return ("dsoTariff", new RuleValue(DsoTariff.Winter.Peak, "øre/kWh", DsoTariff.Source, DsoTariff.Confidence, DsoTariff.Note));
        yield return ("energinetTariffs", new RuleValue(EnerginetTariffs.OrePerKwh, "øre/kWh", EnerginetTariffs.Source, EnerginetTariffs.Confidence, EnerginetTariffs.Note));
        yield return ("elafgift", new RuleValue(Elafgift.OrePerKwh, "øre/kWh", Elafgift.Source, Elafgift.Confidence, Elafgift.Note));
    }
}
