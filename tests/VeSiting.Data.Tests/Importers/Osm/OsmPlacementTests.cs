using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers.Dagi;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// The placement made once when an OSM file is added (kept in its extract cache) equals placing every record by the
/// polygon test as the loader did before: each address by the municipality covering it (the nearest within 2 km where
/// none does), each footprint by its interior point, against the built-in (real, simplified) municipal boundaries. The
/// reference below is that earlier code, polygon test per record, no grid.
/// </summary>
public sealed class OsmPlacementTests(SamsoeExtractFiles files, OsmPlacementTests.Boundaries boundaries)
    : IClassFixture<SamsoeExtractFiles>, IClassFixture<OsmPlacementTests.Boundaries>
{
    public sealed class Boundaries : IAsyncLifetime
    {
        public IReadOnlyList<AdminArea> Municipalities { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var layout = ProjectLayout.Locate();
            var (manifest, fetcher) = DefaultData.Sources(layout, manifest: DefaultData.BuiltIn(layout));
            var path = (await fetcher.FetchAsync(manifest["dagi-municipalities"])).CachedPath;
            Municipalities = new DagiAreaReader(AdminAreaKind.Municipality).Read(path, "dagi-municipalities").Records;
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public void The_grid_gives_the_polygon_tests_answer_for_points_and_boxes_across_Denmark()
    {
        var areas = boundaries.Municipalities;
        var grid = new AreaGrid(areas);
        var locator = new AreaLocator(grid);
        var index = new AreaIndex(areas);
        var utm = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var random = new Random(26);
        var decided = 0;
        foreach (var (x, y) in TestPoints(areas, random, 60_000))
        {
            var expected = index.At(utm.CreatePoint(new Coordinate(x, y)));
            Assert.Equal(expected?.Code, locator.At(x, y, utm)?.Code);
            decided += grid.At(x, y) == AreaGrid.Undecided ? 0 : 1;
            var box = utm.ToGeometry(new Envelope(x, x + random.NextDouble() * 40, y, y + random.NextDouble() * 40));
            var building = new Building { Id = "b", BuildingType = "house", Footprint = box, Origin = new RecordOrigin("osm", "f", 1) };
            Assert.Equal(index.At(box.InteriorPoint)?.Code, locator.AtInteriorPointOf(building)?.Code);
        }
        // Half the points lie at boundary vertices, the other half anywhere over land and sea: most still need no polygon test.
        Assert.True(decided > 30_000, $"{decided:N0} of 60,000 points decided by the grid");
    }

    [Fact]
    public void Samsoe_placed_once_when_added_equals_the_polygon_test_per_record()
    {
        var path = Path.Combine(files.Folder, "placed.osm.pbf");
        File.Copy(files.Pbf, path, overwrite: true);

        OsmExtractCache.ReadOrDecode(path, "osm", municipalities: boundaries.Municipalities);
        var cached = OsmExtractCache.TryRead(path, "osm")!.Records.Single();

        AssertPlacedAsReference(cached);
        // The whole island is one municipality (Samsø, 0741): its addresses are there (a check of the reference itself).
        Assert.True(cached.Addresses.Count(a => a.MunicipalityCode == 741) > 4_500);
    }

    [Fact]
    public void A_synthetic_file_across_Denmark_placed_once_equals_the_polygon_test_per_record_and_merges_alike()
    {
        var path = Path.Combine(files.Folder, "synthetic.osm");
        File.WriteAllText(path, SyntheticOsm(boundaries.Municipalities, new Random(2026), 3_000));

        var placed = OsmExtractCache.ReadOrDecode(path, "osm", municipalities: boundaries.Municipalities).Records.Single();
        var cached = OsmExtractCache.TryRead(path, "osm")!.Records.Single();

        AssertPlacedAsReference(placed);
        AssertPlacedAsReference(cached);
        Assert.Contains(cached.Placement!.Addresses, how => how == OsmPlacement.PlacedInNearest);
        Assert.Contains(cached.Placement!.Addresses, how => how == OsmPlacement.Outside);
        // The merge with the cached placement and with none (placing there) gives the same records and notes.
        var unplaced = new OsmReader().Read(path, "osm").Records.Single();
        Assert.Null(unplaced.Placement);
        var withCache = Merge(cached);
        var without = Merge(unplaced);
        Assert.Equal(without.Addresses, withCache.Addresses);
        Assert.Equal(without.Buildings, withCache.Buildings);
        Assert.Equal(without.Issues, withCache.Issues);
        Assert.Equal(cached.Addresses.Count(a => a.MunicipalityCode != 0), withCache.Addresses.Count);
    }

    [Fact]
    public void A_cache_of_the_format_without_placement_or_placed_against_other_boundaries_is_not_used_as_placed()
    {
        var path = Path.Combine(files.Folder, "old.osm.pbf");
        File.Copy(files.Pbf, path, overwrite: true);
        OsmExtractCache.TryWrite(path, new OsmReader().Read(path, "osm"));
        var cache = path + OsmExtractCache.Suffix;
        // Format 1 (before placement): the same header with version 1; the reader must not take it for format 2.
        var bytes = File.ReadAllBytes(cache);
        var versionAt = 1 + Encoding.UTF8.GetByteCount("VeSiting OSM extract");
        Assert.Equal(OsmExtractCache.FormatVersion, BitConverter.ToInt32(bytes, versionAt));
        BitConverter.GetBytes(1).CopyTo(bytes, versionAt);
        File.WriteAllBytes(cache, bytes);
        Assert.Null(OsmExtractCache.TryRead(path, "osm"));

        var rebuilt = OsmExtractCache.ReadOrDecode(path, "osm", municipalities: boundaries.Municipalities).Records.Single();
        AssertPlacedAsReference(rebuilt);
        Assert.Equal(OsmExtractCache.FormatVersion, BitConverter.ToInt32(File.ReadAllBytes(cache), versionAt));

        // Other boundaries (Samsø's municipality left out): placed again, not read as placed.
        var others = boundaries.Municipalities.Where(m => m.Code != "0741").ToList();
        var again = OsmExtractCache.ReadOrDecode(path, "osm", municipalities: others).Records.Single();
        Assert.Equal(OsmPlacement.KeyOf(others), again.Placement!.Boundaries);
        Assert.DoesNotContain(again.Addresses, a => a.MunicipalityCode == 741);
        AssertPlacedAsReference(again, others);
    }

    private OsmSourceMerge.Result Merge(OsmExtract extract) =>
        OsmSourceMerge.Merge([extract], "osm", "synthetic.osm", [], [], [], boundaries.Municipalities, [], [], "dar-addresses");

    private void AssertPlacedAsReference(OsmExtract extract, IReadOnlyList<AdminArea>? municipalities = null)
    {
        municipalities ??= boundaries.Municipalities;
        var index = new AreaIndex(municipalities);
        var placement = extract.Placement!;
        Assert.Equal(OsmPlacement.KeyOf(municipalities), placement.Boundaries);
        for (var i = 0; i < extract.Addresses.Count; i++)
        {
            var (code, how) = ReferencePlace(extract.Addresses[i].Position, index, municipalities);
            Assert.Equal((code, how), (extract.Addresses[i].MunicipalityCode, placement.Addresses[i]));
        }
        Assert.Equal(extract.Buildings.Select(b => index.At(b.Footprint.InteriorPoint)?.Code), placement.Buildings);
    }

    /// <summary>The loader's placement before this change (OsmSourceMerge.PlaceAddresses at 9bb50ec).</summary>
    private static (int Code, byte How) ReferencePlace(Point point, AreaIndex index, IReadOnlyList<AdminArea> municipalities)
    {
        byte how = 0;
        var area = index.At(point);
        if (area is null)
        {
            area = municipalities
                .Select(m => (Area: m, Distance: m.Geometry.EnvelopeInternal.Distance(point.EnvelopeInternal) <= 2_000 ? m.Geometry.Distance(point) : double.MaxValue))
                .Where(c => c.Distance <= 2_000).OrderBy(c => c.Distance).ThenBy(c => c.Area.Code, StringComparer.Ordinal).Select(c => c.Area).FirstOrDefault();
            how |= area is null ? (byte)0 : OsmPlacement.PlacedInNearest;
        }
        return area?.NumericCode is { } code ? (code, how) : (0, (byte)(how | OsmPlacement.Outside));
    }

    /// <summary>Half the points within 300 m of a municipal boundary's vertex, half anywhere in Denmark's box (land and sea).</summary>
    private static IEnumerable<(double X, double Y)> TestPoints(IReadOnlyList<AdminArea> areas, Random random, int count)
    {
        var vertices = areas.SelectMany(a => a.Geometry.Coordinates).ToArray();
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                var v = vertices[random.Next(vertices.Length)];
                yield return (v.X + (random.NextDouble() - 0.5) * 600, v.Y + (random.NextDouble() - 0.5) * 600);
            }
            else
                yield return (440_000 + random.NextDouble() * 460_000, 6_040_000 + random.NextDouble() * 380_000);
        }
    }

    /// <summary>An OSM XML file of address nodes and square building ways (about 15 m a side) at the test points.</summary>
    private static string SyntheticOsm(IReadOnlyList<AdminArea> areas, Random random, int count)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n");
        var ways = new StringBuilder();
        var node = 0;
        string Node(double x, double y, string tags = "")
        {
            var wgs = GeometryTransforms.Transform(GeometryTransforms.Utm32Point(x, y), Epsg.Utm32, Epsg.Wgs84).Coordinate;
            text.Append(CultureInfo.InvariantCulture, $"<node id=\"{++node}\" lat=\"{wgs.Y:F7}\" lon=\"{wgs.X:F7}\">{tags}</node>\n");
            return node.ToString(CultureInfo.InvariantCulture);
        }
        var i = 0;
        foreach (var (x, y) in TestPoints(areas, random, count))
        {
            i++;
            if (i % 2 == 0)
            {
                Node(x, y, $"<tag k=\"addr:street\" v=\"Syntetisk vej\"/><tag k=\"addr:housenumber\" v=\"{i}\"/><tag k=\"addr:postcode\" v=\"9999\"/><tag k=\"addr:city\" v=\"Syntetisk\"/>");
                continue;
            }
            var corners = new[] { Node(x, y), Node(x + 15, y), Node(x + 15, y + 12), Node(x, y + 12) };
            ways.Append(CultureInfo.InvariantCulture, $"<way id=\"{i}\">{string.Concat(corners.Append(corners[0]).Select(c => $"<nd ref=\"{c}\"/>"))}<tag k=\"building\" v=\"house\"/></way>\n");
        }
        return text.Append(ways).Append("</osm>\n").ToString();
    }
}
