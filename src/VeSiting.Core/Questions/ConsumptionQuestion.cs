namespace VeSiting.Core.Questions;

/// <summary>A site's consumption as typed (null: not given); each front end maps its own syntax onto these fields.</summary>
public sealed record ConsumptionText(string? Profile = null, string? Kwh = null, string? TimeOfUse = null, string? Customer = null, string? ProcessRefund = null);

/// <summary>
/// A site's consumption profile: a named profile of the rules (default <see cref="DefaultProfile"/>), with the annual kWh,
/// the time-of-use shares, who pays and the process refund changed where the question says so. What the question leaves
/// out is the profile's own (its customer; its process refund, for a firm). Refusals name the field (<c>profile</c>,
/// <c>kwh</c>, <c>tou</c>, <c>customer</c>, <c>processRefund</c>) with the same reason for every front end.
/// </summary>
public static class ConsumptionQuestion
{
    public const string DefaultProfile = "household";

    public static Outcome<ConsumptionProfile> Parse(ConsumptionText text, IReadOnlyDictionary<string, ConsumptionProfile> profiles)
    {
        var id = text.Profile ?? DefaultProfile;
        if (!profiles.TryGetValue(id, out var profile))
            return Refusal.Invalid("profile", Reason.Of("question.not-one-of", ("value", ValueText.Echo(id)), ("choices", string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal)))));
        if (text.Kwh is { } kwhText)
        {
            if (ValueText.Number(kwhText, double.Epsilon, InputLimits.MaxAnnualKwh, ValueText.What("annual-kwh"), exclusiveMin: true) is { } badKwh)
                return Refusal.Invalid("kwh", badKwh);
            var kwh = ValueText.ParsedNumber(kwhText);
            profile = profile with { Id = "custom", Title = string.Create(CultureInfo.InvariantCulture, $"custom, {kwh:0} kWh"), AnnualKwh = kwh };
        }
        if (text.TimeOfUse is { } tou)
        {
            var shares = tou.Split(',', StringSplitOptions.TrimEntries)
                .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
            if (shares.Length != 3 || shares.Any(v => double.IsNaN(v) || v < 0) || !(shares.Sum() > 0) || !double.IsFinite(shares.Sum()))
                return Refusal.Invalid("tou", Reason.Of("consumption.not-shares", ("value", ValueText.Echo(tou))));
            profile = profile with { Title = $"{profile.Title}, time of use {tou}", Shares = TimeOfUseShares.Uniform(shares[0], shares[1], shares[2]) };
        }
        Customer customer;
        switch (text.Customer?.ToLowerInvariant())
        {
            case null:
                customer = profile.Customer;
                break;
            case "household":
                customer = Customer.Household;
                break;
            case "firm":
                customer = Customer.Firm;
                break;
            default:
                return Refusal.Invalid("customer", Reason.Of("consumption.not-customer", ("value", ValueText.Echo(text.Customer))));
        }
        bool processRefund;
        switch (text.ProcessRefund?.ToLowerInvariant())
        {
            case null:
                processRefund = profile.ProcessRefund && customer == Customer.Firm;
                break;
            case "true":
                processRefund = true;
                break;
            case "false":
                processRefund = false;
                break;
            default:
                return Refusal.Invalid("processRefund", Reason.Of("value.not-boolean", ("value", ValueText.Echo(text.ProcessRefund))));
        }
        if (processRefund && customer != Customer.Firm)
            return Refusal.Invalid("processRefund", Reason.Of("consumption.process-refund-firms-only"));
        return profile with { Customer = customer, ProcessRefund = processRefund };
    }
}
