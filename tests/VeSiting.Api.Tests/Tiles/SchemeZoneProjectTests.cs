using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>Scheme rings drawn per project: the eight turbines of the park near Thisted draw one outline per ring, not eight.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchemeZoneProjectTests(ApiFactory factory)
{
    // The park's key turbine 570715000002024939 stands at E 485,024.22, N 6,320,313.57 = lon 8.75330, lat 57.02606
    // (pyproj), in z12 tile 2147/1254. Its project (GET /api/assess/plant/570715000002024939): 8 turbines, each H = 150 m.
    private const string Project = "inferred:570715000002024939";

    [Fact]
    public async Task A_park_draws_one_ring_per_scheme_the_union_of_its_turbines_rings()
    {
        var client = factory.CreateClient();
        var plants = await FeaturesAsync(client, "plants", 12, 2147, 1254);
        var members = plants.Where(f => (string)f.Attributes["project"] == Project).Select(f => (string)f.Attributes["id"]).Distinct().ToList();
        Assert.Equal(8, members.Count);

        var rings = (await FeaturesAsync(client, "scheme-zones", 12, 2147, 1254)).Where(f => (string)f.Attributes["project"] == Project).ToList();
        // One feature per ring: minimum distance (0–4 H), sales option (4–6 H), VE-bonus (up to 8 H) in the rules in force.
        Assert.Equal(rings.Count, rings.Select(f => (string)f.Attributes["ring"]).Distinct().Count());
        Assert.True(rings.Count >= 3, string.Join(", ", rings.Select(f => f.Attributes["ring"])));
        Assert.All(rings, f => Assert.Equal(8L, Convert.ToInt64(f.Attributes["plants"], System.Globalization.CultureInfo.InvariantCulture)));

        // The minimum-distance ring: the turbines stand closer than 2 × 600 m to each other, so their discs make one
        // polygon; its area lies between one disc's and eight discs' (π × 600² = 1.13 km² each; compared in tile units).
        var minimum = Assert.Single(rings, f => (string)f.Attributes["ring"] == "minimum-distance").Geometry;
        Assert.Equal(1, minimum.NumGeometries);
        var oneDisc = Math.PI * 600 * 600;
        var area = AreaInSquareMetres(minimum);
        Assert.InRange(area, oneDisc * 1.5, oneDisc * 8);
    }

    private static async Task<List<NetTopologySuite.Features.IFeature>> FeaturesAsync(HttpClient client, string layer, int z, int x, int y)
    {
        var bytes = await client.GetByteArrayAsync($"/tiles/{layer}/{z}/{x}/{y}.mvt");
        var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        return [.. tile.Layers.SelectMany(l => l.Features)];
    }

    // Lon/lat degrees² to m² near 57° N: 111,320 m per degree of latitude, × cos(57°) per degree of longitude.
    private static double AreaInSquareMetres(Geometry lonLat) => lonLat.Area * 111_320 * 111_320 * Math.Cos(57.03 * Math.PI / 180);
}
