using VeSiting.Core.Domain;

namespace VeSiting.Core.Rules;

/// <summary>
/// The permit date the rules are chosen by, and how it was found. Registers carry connection dates, not
/// permit dates; a permit always precedes the connection, so the connection date is an upper bound.
/// </summary>
public sealed record PermitBasis(DateOnly? Date, bool IsAssumed, string Explanation)
{
    public static PermitBasis For(Plant plant, DateOnly today)
    {
        if (plant.PermitDate is { } permit)
            return new PermitBasis(permit, false, $"permit date {permit:yyyy-MM-dd}");
        if (plant.Status == PlantStatus.Planned)
            return new PermitBasis(today, true, $"no permit date given: assumed {today:yyyy-MM-dd}");
        if (plant.ConnectedOn is { } connected)
            return new PermitBasis(connected, true, $"permit date not in the register: connection date {connected:yyyy-MM-dd} used (the permit was no later)");
        return new PermitBasis(null, true, "neither permit nor connection date is known");
    }
}
