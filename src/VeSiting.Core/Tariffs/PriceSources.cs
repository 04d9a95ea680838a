namespace VeSiting.Core.Tariffs;

/// <summary>One part of a bill with its value, status, confidence, source, source address and the date it was read.</summary>
public sealed record PriceComponentLine(string Key, string Title, double Value, string Unit, AnswerStatus Status, Confidence Confidence,
    string Source, string? Url, DateOnly? Read, string? Note)
{
    /// <summary>Why the value needs care, or null when a primary source confirms it.</summary>
    public Explanations.Reason? FlagReason => Confidence switch
    {
        Confidence.Reported => Explanations.Reason.Of("price.flag-reported"),
        Confidence.Unconfirmed => Explanations.Reason.Of("price.flag-unconfirmed"),
        _ => null,
    };

    /// <summary><see cref="Title"/> (English) as a reason: ours for the per-kWh components, the price stack's own (data) for fixed charges.</summary>
    public Explanations.Reason TitleReason { get; init; } = Explanations.Reason.Plain(Title);

    /// <summary><see cref="FlagReason"/> in the answer's language.</summary>
    public string? Flag => FlagReason?.Rendered;
}

/// <summary>Lists the components of a price with where each value comes from.</summary>
public static class PriceSources
{
    /// <summary>
    /// The per-kWh components of <paramref name="price"/> (øre/kWh, after its discounts) and the stack's fixed charges (DKK/year before VAT).
    /// Taxes are law when the stack is the year's own; every other value, and every value carried forward, is an estimate.
    /// </summary>
    public static IReadOnlyList<PriceComponentLine> Of(PriceStack stack, PriceBreakdown price)
    {
        var tax = stack.CarriedForwardTo is null ? AnswerStatus.Law : AnswerStatus.Estimate;
        var lines = new List<PriceComponentLine>();
        void Add(PriceComponent component, string key, string title, AnswerStatus status, string source, Confidence confidence, string? url, DateOnly? read, string? note)
        {
            if (price.ComponentsOrePerKwh.TryGetValue(component, out var value))
            {
                lines.Add(new PriceComponentLine(key, title, value, "øre/kWh", status, confidence, source, url, read, note)
                {
                    TitleReason = Explanations.Reason.Word("price.component", key),
                });
            }
        }
        Add(PriceComponent.Spot, "spot", "spot price", AnswerStatus.Estimate, stack.Spot.Source, stack.Spot.Confidence, stack.Spot.Url, stack.Spot.Read, stack.Spot.Note);
        var margin = stack.SupplierMargin;
        Add(PriceComponent.SupplierMargin, "supplierMargin", "supplier margin", AnswerStatus.Estimate, margin.Source, margin.Confidence, margin.Url, margin.Read, margin.Note);
        var dso = stack.DsoTariff;
        Add(PriceComponent.DsoTariff, "dsoTariff", "DSO grid tariff (profile average)", AnswerStatus.Estimate, dso.Source, dso.Confidence, dso.Url, dso.Read, dso.Note);
        var energinet = stack.EnerginetTariffs;
        Add(PriceComponent.EnerginetTariffs, "energinetTariffs", "Energinet tariffs", AnswerStatus.Estimate, energinet.Source, energinet.Confidence, energinet.Url, energinet.Read, energinet.Note);
        var elafgift = stack.Elafgift;
        Add(PriceComponent.Elafgift, "elafgift", "elafgift (electricity tax)", tax, elafgift.Source, elafgift.Confidence, elafgift.Url, elafgift.Read, elafgift.Note);
        if (stack.ProcessRefund is { } refund)
            Add(PriceComponent.ProcessRefund, "processRefund", "elafgift refund for process use", tax, refund.Source, refund.Confidence, refund.Url, refund.Read,
                refund.Note is null ? $"legal basis: {refund.LegalBasis}" : $"legal basis: {refund.LegalBasis}; {refund.Note}");
        foreach (var charge in price.FixedCharges)
            lines.Add(new PriceComponentLine(charge.Id, charge.Title, charge.DkkPerYear, "DKK/year", AnswerStatus.Estimate, charge.Confidence, charge.Source, charge.Url, charge.Read, charge.Note));
        return lines;
    }
}
