namespace VeSiting.Core.Tariffs;

/// <summary>The named parts of a kWh's price before VAT, as tariff scenarios discount them.</summary>
public enum PriceComponent
{
    Spot,
    SupplierMargin,
    DsoTariff,
    EnerginetTariffs,
    Elafgift,
    /// <summary>The elafgift refunded to a VAT-registered firm for process use: a negative amount, never discounted by scenarios.</summary>
    ProcessRefund,
}
