using NetTopologySuite.Index.Strtree;

namespace VeSiting.Data.Embedded;

/// <summary>
/// The building footprints by their bounding boxes, for "buildings near a geometry" queries: the same buildings an
/// STR-tree of their boxes gives (every box meeting the search box). Most are kept by their boxes' centres in a
/// <see cref="PointGrid"/> (about 24 bytes a building, against about 90 for an STR-tree's item, box and node: with the
/// national 4 M footprints the difference is about 250 MB), searched with the search box widened by the largest half
/// size among them; the few larger than <see cref="LargeM"/> on a side are kept in an STR-tree of their own.
/// </summary>
internal sealed class BuildingGrid
{
    private const double LargeM = 200;

    /// <summary>Rounding of a centre and a half size is far below this.</summary>
    private const double MarginM = 1e-6;

    private readonly IReadOnlyList<Building> _buildings;
    private readonly int[] _small;
    private readonly PointGrid _grid;
    private readonly double _halfWidth, _halfHeight;
    private readonly STRtree<Building> _large = new();

    public BuildingGrid(IReadOnlyList<Building> buildings)
    {
        _buildings = buildings;
        static bool IsSmall(Envelope box) => !box.IsNull && box.Width <= LargeM && box.Height <= LargeM;
        var count = buildings.Count(b => IsSmall(b.Envelope));
        _small = new int[count];
        double[] xs = new double[count], ys = new double[count];
        var n = 0;
        for (var i = 0; i < buildings.Count; i++)
        {
            var box = buildings[i].Envelope;
            if (!IsSmall(box))
            {
                if (!box.IsNull)
                    _large.Insert(box, buildings[i]);
                continue;
            }
            (_small[n], xs[n], ys[n]) = (i, (box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2);
            n++;
            _halfWidth = Math.Max(_halfWidth, box.Width / 2);
            _halfHeight = Math.Max(_halfHeight, box.Height / 2);
        }
        _large.Build();
        _grid = new PointGrid(xs, ys);
    }

    /// <summary>Every building whose bounding box meets the search box (edges included).</summary>
    public List<Building> Query(Envelope search)
    {
        var state = new Search(search, _buildings, _small);
        _grid.InBox(search.MinX - _halfWidth - MarginM, search.MinY - _halfHeight - MarginM, search.MaxX + _halfWidth + MarginM, search.MaxY + _halfHeight + MarginM,
            ref state, static (int i, double _, double _, ref Search s) => s.Consider(i));
        state.Found.AddRange(_large.Query(search));
        return state.Found;
    }

    private readonly struct Search(Envelope search, IReadOnlyList<Building> buildings, int[] small)
    {
        public List<Building> Found { get; } = [];

        public void Consider(int index)
        {
            var building = buildings[small[index]];
            if (building.Envelope.Intersects(search))
                Found.Add(building);
        }
    }
}
