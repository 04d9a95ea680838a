namespace VeSiting.Core.Tariffs;

/// <summary>A flat component in øre/kWh with its source, the source's address and the date the value was read.</summary>
public sealed record FlatComponent(double OrePerKwh, string Source, Confidence Confidence, string? Note = null, string? Url = null, DateOnly? Read = null);

/// <summary>The DSO grid tariff per season and Tarifmodel 3.0 period, øre/kWh.</summary>
public sealed record DsoTariff(TimeOfUse Summer, TimeOfUse Winter, string Source, Confidence Confidence, string? Note = null, string? Url = null, DateOnly? Read = null);

/// <summary>A charge per year whatever the consumption (e.g. the DSO's grid subscription), DKK before VAT.</summary>
public sealed record FixedCharge(string Id, string Title, double DkkPerYear, string Source, Confidence Confidence, string? Note = null, string? Url = null, DateOnly? Read = null);

/// <summary>The elafgift a VAT-registered firm gets back for electricity used for processes, øre/kWh, and the law that grants it.</summary>
public sealed record ProcessRefund(double OrePerKwh, string LegalBasis, string Source, Confidence Confidence, string? Note = null, string? Url = null, DateOnly? Read = null);

/// <summary>What a kWh costs in a year, by component before VAT, the fixed charges per year, and the VAT rate.</summary>
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

    /// <summary>Charges per year billed whatever the consumption; not part of the price per kWh.</summary>
    public IReadOnlyList<FixedCharge> FixedCharges { get; init; } = [];

    /// <summary>The process-electricity refund of elafgift for VAT-registered firms, where the stack states it.</summary>
    public ProcessRefund? ProcessRefund { get; init; }

    /// <summary>The later year this stack stands in for, when no stack of that year exists (null: the stack's own year).</summary>
    public int? CarriedForwardTo { get; init; }

    /// <summary>The year the answer is for: the requested year when carried forward, else the stack's own.</summary>
    public int PriceYear => CarriedForwardTo ?? Year;

    /// <summary>"2026 prices carried forward to 2027", or null when the stack is the year's own.</summary>
    public string? CarriedForwardNote => CarriedForward?.Text;

    /// <summary>That this year's prices stand in for a later year's, as a reason (null when they are the year's own).</summary>
    public Explanations.Reason? CarriedForward => CarriedForwardTo is { } to
        ? Explanations.Reason.Of("price.carried-forward", ("year", Year), ("to", to)) : null;

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
        foreach (var charge in FixedCharges)
            yield return (charge.Id, new RuleValue(charge.DkkPerYear, "DKK/year", charge.Source, charge.Confidence, charge.Note));
    }
}
