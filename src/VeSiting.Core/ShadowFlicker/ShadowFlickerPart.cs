namespace VeSiting.Core.ShadowFlicker;

/// <summary>A dwelling (or a site) the flicker is computed at: an id, a label and its position in EPSG:25832.</summary>
public sealed record FlickerHome(string Id, string Label, Point Position)
{
    public static FlickerHome Of(Address address) => new(address.Id, address.Label, address.Position);
}

/// <summary>One dwelling's shadow flicker in an answer, and why it is or is not over the recommended limit.</summary>
public sealed record DwellingShadowFlicker(FlickerHome Home, DwellingFlicker Flicker, bool OverLimit, Reason Why);

/// <summary>
/// The shadow-flicker part of a project, site or municipality answer: every dwelling within reach of the turbines
/// considered (each dwelling once, all turbines together), the dwellings over the planning guidance's recommended
/// hours of expected flicker, the worst dwelling, the turbines that could not be computed, and the provenance of
/// every convention used. The limit is a recommendation (not law); the hours are estimates.
/// </summary>
public sealed record ShadowFlickerPart(
    int Year,
    double LimitHours,
    IReadOnlyList<DwellingShadowFlicker> Dwellings,
    IReadOnlyList<FlickerTurbine> Turbines,
    IReadOnlyList<Reason> NotAssessed,
    Provenance Provenance)
{
    public int DwellingsOverLimit => Dwellings.Count(d => d.OverLimit);

    /// <summary>The dwelling with the most expected flicker (then the most worst-case minutes), or null when none gets any.</summary>
    public DwellingShadowFlicker? Worst => Dwellings.Where(d => d.Flicker.WorstCaseMinutes > 0)
        .OrderByDescending(d => d.Flicker.ExpectedHours).ThenByDescending(d => d.Flicker.WorstCaseMinutes).ThenBy(d => d.Home.Id, StringComparer.Ordinal).FirstOrDefault();

    public Reason Summary => Reason.Of("flicker.summary", ("over", DwellingsOverLimit), ("dwellings", Dwellings.Count), ("limit", LimitHours));

    public DwellingShadowFlicker? For(string addressId) => Dwellings.FirstOrDefault(d => d.Home.Id == addressId);
}
