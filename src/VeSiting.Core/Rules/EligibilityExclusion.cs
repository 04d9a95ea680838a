using NetTopologySuite.Geometries;

namespace VeSiting.Core.Rules;

/// <summary>
/// An area whose plants the neighbour schemes do not cover (a national test centre, a tendered offshore park),
/// as data in the plant-eligibility rule set, with its source.
/// </summary>
public sealed record EligibilityExclusion(string Id, string Name, string Kind, Geometry Area, string Source, Confidence Confidence, string? Note = null)
{
    public bool Covers(Geometry plant) => Area.EnvelopeInternal.Intersects(plant.EnvelopeInternal) && Area.Intersects(plant);
}
