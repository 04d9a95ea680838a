namespace VeSiting.Core.Rules;

/// <summary>Building permits dated From … To (inclusive; To null = open-ended).</summary>
public sealed record PermitPeriod(DateOnly From, DateOnly? To)
{
    public bool Contains(DateOnly date) => date >= From && (To is null || date <= To);

    public override string ToString() => To is null ? $"from {From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}";
}
