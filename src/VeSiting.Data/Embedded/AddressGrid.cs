using NetTopologySuite.Algorithm.Locate;
using VeSiting.Core.Stores;

namespace VeSiting.Data.Embedded;

/// <summary>
/// The addresses in a <see cref="PointGrid"/> (flat coordinate arrays, one counting sort to build), for the
/// "addresses within r of a geometry" queries. Distances are exact: to an area (r = 0) by point-in-polygon on an indexed
/// locator, otherwise NetTopologySuite's distance from the geometry to the address point.
/// </summary>
internal sealed class AddressGrid
{
    private readonly IReadOnlyList<Address> _addresses;
    private readonly PointGrid _grid;

    public AddressGrid(IReadOnlyList<Address> addresses)
    {
        _addresses = addresses;
        var xs = new double[addresses.Count];
        var ys = new double[addresses.Count];
        for (var i = 0; i < xs.Length; i++)
            (xs[i], ys[i]) = addresses[i].Xy;
        _grid = new PointGrid(xs, ys);
    }

    /// <summary>Every address within <paramref name="radiusM"/> of the geometry; <paramref name="search"/> is the geometry's envelope expanded by the radius.</summary>
    public List<AddressDistance> Within(Geometry geometry, Envelope search, double radiusM)
    {
        var state = new Search(geometry, radiusM, _addresses, geometry is IPolygonal && radiusM == 0 ? new IndexedPointInAreaLocator(geometry) : null);
        _grid.InBox(search.MinX, search.MinY, search.MaxX, search.MaxY, ref state, static (int i, double x, double y, ref Search s) => s.Consider(i, x, y));
        return state.Found;
    }

    private readonly struct Search(Geometry geometry, double radiusM, IReadOnlyList<Address> addresses, IndexedPointInAreaLocator? inside)
    {
        public List<AddressDistance> Found { get; } = [];

        public void Consider(int index, double x, double y)
        {
            var address = addresses[index];
            if (inside is not null)
            {
                if (inside.Locate(new Coordinate(x, y)) != Location.Exterior)
                    Found.Add(new AddressDistance(address, 0));
                return;
            }
            var distance = geometry.Distance(address.Position);
            if (distance <= radiusM)
                Found.Add(new AddressDistance(address, distance));
        }
    }
}
