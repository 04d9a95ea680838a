using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using VeSiting.Core.Domain;

namespace VeSiting.Bench;

/// <summary>Exact distance from a query point (the item without a plant) to a plant, for NetTopologySuite's STR-tree nearest neighbour.</summary>
public sealed class PlantDistance : IItemDistance<Envelope, Plant>
{
    public double Distance(IBoundable<Envelope, Plant> item1, IBoundable<Envelope, Plant> item2)
    {
        var (query, other) = item1.Item is null ? (item1, item2) : (item2, item1);
        return other.Item.Geometry.Distance(other.Item.Geometry.Factory.CreatePoint(query.Bounds.Centre));
    }
}
