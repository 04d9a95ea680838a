namespace VeSiting.Core.Tariffs;

/// <summary>Three Tarifmodel 3.0 periods: lavlast 00–06, højlast 06–17 and 21–24, spidslast 17–21.</summary>
public sealed record TimeOfUse(double Low, double High, double Peak)
{
    public double Sum => Low + High + Peak;
}

/// <summary>Shares of annual consumption per season (summer April–September, winter October–March) and period; they sum to 1.</summary>
public sealed record TimeOfUseShares(TimeOfUse Summer, TimeOfUse Winter)
{
    public double Sum => Summer.Sum + Winter.Sum;

    /// <summary>One split applied to the whole year, seasons weighted by their days (183 summer, 182 winter).</summary>
    public static TimeOfUseShares Uniform(double low, double high, double peak)
    {
        var total = low + high + peak;
        if (total <= 0 || low < 0 || high < 0 || peak < 0)
            throw new ArgumentException("time-of-use shares must be non-negative and not all zero");
        const double summer = 183.0 / 365, winter = 182.0 / 365;
        return new TimeOfUseShares(
            new TimeOfUse(summer * low / total, summer * high / total, summer * peak / total),
            new TimeOfUse(winter * low / total, winter * high / total, winter * peak / total));
    }
}

/// <summary>
/// Who consumes how much, and when; a <see cref="Customer.Firm"/> is VAT-registered (VAT deducted) and, with
/// <paramref name="ProcessRefund"/>, uses the electricity for processes (elafgift refunded at the stack's rate).
/// </summary>
public sealed record ConsumptionProfile(string Id, string Title, double AnnualKwh, TimeOfUseShares Shares, Customer Customer = Customer.Household, bool ProcessRefund = false)
{
    public ConsumptionProfile Validated()
    {
        if (!(AnnualKwh > 0) || !double.IsFinite(AnnualKwh))
            throw new ArgumentOutOfRangeException(nameof(AnnualKwh), AnnualKwh, "annual consumption must be a positive number of kWh");
        if (Math.Abs(Shares.Sum - 1) > 0.001)
            throw new ArgumentException($"profile '{Id}': time-of-use shares sum to {Shares.Sum:0.###}, not 1");
        if (ProcessRefund && Customer != Customer.Firm)
            throw new ArgumentException("the process refund of elafgift is for VAT-registered firms only (customer firm)", nameof(ProcessRefund));
        return this;
    }
}
