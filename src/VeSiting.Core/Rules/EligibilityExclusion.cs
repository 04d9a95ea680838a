namespace VeSiting.Core.Rules;

/// <summary>
/// An area whose plants the neighbour schemes do not cover (a national test centre, a tendered offshore park),
/// as data in the plant-eligibility rule set, with its source.
/// </summary>
public sealed record EligibilityExclusion(string Id, string Name, string Kind, Geometry Area, string Source, Confidence Confidence, string? Note = null)
{
    public const string TenderedOffshore = "tendered-offshore";

    /// <summary>Whether the exclusion takes the plant: any plant inside a test centre; offshore (or unsited) plants inside a tendered offshore park.</summary>
    public bool Covers(Plant plant) =>
        (Kind != TenderedOffshore || plant.Siting != Siting.Onshore)
        && Area.EnvelopeInternal.Intersects(plant.Geometry.EnvelopeInternal) && Area.Intersects(plant.Geometry);
}
