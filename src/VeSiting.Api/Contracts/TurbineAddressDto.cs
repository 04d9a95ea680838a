namespace VeSiting.Api.Contracts;

/// <summary>An address recognised as a registered turbine's own, not a neighbour's home (left out of the counts), and why: a reading of the data, an estimate.</summary>
public sealed record TurbineAddressDto(string Id, string Address, Position Position, string Turbine, double DistanceM, Reason Why, string Status = "estimate")
{
    public static IReadOnlyList<TurbineAddressDto> Of(IEnumerable<TurbineAddress> addresses) =>
        [.. addresses.Select(t => new TurbineAddressDto(t.Address.Id, t.Address.Label, Position.Of(t.Address.Position), t.Turbine.Id, Math.Round(t.DistanceM, 2), t.Why))];
}
