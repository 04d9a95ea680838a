namespace VeSiting.Core.Tariffs;

/// <summary>Who pays the bill: a household pays VAT; a VAT-registered firm deducts it and may claim the process refund of elafgift.</summary>
public enum Customer
{
    Household,
    Firm,
}
