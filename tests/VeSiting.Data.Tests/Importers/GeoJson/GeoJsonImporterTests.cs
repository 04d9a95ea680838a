using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Dagi;
using VeSiting.Data.Importers.GeoDanmark;
using VeSiting.Data.Importers.Heat;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.GeoJson;

public sealed class GeoJsonImporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Dagi_areas_in_crs84_are_projected_and_grouped_by_code()
    {
        var path = _temp.Write("postnumre.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
             {"type":"Feature","properties":{"POSTNR_TXT":"2300","POSTBYNAVN":"København S"},"geometry":{"type":"Polygon","coordinates":[[[12.5,55.6,-999],[12.6,55.6,-999],[12.6,55.7,-999],[12.5,55.6,-999]]]}},
             {"type":"Feature","properties":{"POSTNR_TXT":"2300","POSTBYNAVN":"København S"},"geometry":{"type":"Polygon","coordinates":[[[12.7,55.6],[12.8,55.6],[12.8,55.7],[12.7,55.6]]]}}]}
            """);
        var area = Assert.Single(new DagiAreaReader(AdminAreaKind.PostCode).Read(path, "dagi").Records);

        Assert.Equal("2300", area.Code);
        Assert.IsType<MultiPolygon>(area.Geometry);
        Assert.Equal(25832, area.Geometry.SRID);
        Assert.True(area.Geometry.EnvelopeInternal.MinX > 700_000, "projected to UTM 32");
        Assert.True(double.IsNaN(area.Geometry.Coordinate.Z));
    }

    [Fact]
    public void Features_without_code_or_with_the_wrong_geometry_are_errors()
    {
        var path = _temp.Write("kommuner.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"navn":"Nowhere"},"geometry":{"type":"Polygon","coordinates":[[[12.5,55.6],[12.6,55.6],[12.6,55.7],[12.5,55.6]]]}},
             {"type":"Feature","properties":{"kode":"0101","navn":"København"},"geometry":{"type":"Point","coordinates":[12.5,55.6]}}]}
            """);
        var result = new DagiAreaReader(AdminAreaKind.Municipality).Read(path, "dagi");
        Assert.Equal([1, 2], result.Errors.Select(e => e.Row!.Value));
    }

    [Fact]
    public void Buildings_in_epsg_25832_lose_z_and_keep_bbr_id()
    {
        var path = _temp.Write("b.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
             {"type":"Feature","properties":{"ID_LOKALID":"1057443037","BYGNINGSTYPE":"Bygning","BBRUUID":"B11D87A0-4D52-45D6-99F6-E91D40A1D8A1"},
              "geometry":{"type":"Polygon","coordinates":[[[684641.12,6158617.51,47.78],[684642.48,6158620.11,47.78],[684636.82,6158623.06,47.78],[684641.12,6158617.51,47.78]]]}}]}
            """);
        var building = Assert.Single(new GeoDanmarkBuildingReader().Read(path, "gd").Records);
        Assert.Equal("b11d87a0-4d52-45d6-99f6-e91d40a1d8a1", building.BbrId);
        Assert.Equal(684642.48, building.Footprint.Coordinates[1].X);
        Assert.True(double.IsNaN(building.Footprint.Coordinates[1].Z));
    }

    [Fact]
    public void An_unknown_crs_is_refused()
    {
        var path = _temp.Write("b.geojson", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[]}""");
        var e = Assert.Throws<ImportFailedException>(() => new GeoDanmarkBuildingReader().Read(path, "gd"));
        Assert.Contains("EPSG:2154", e.Message);
    }

    [Theory]
    [InlineData("""{"type":"Feature"}""", "not a GeoJSON FeatureCollection")]
    [InlineData("""{"type":"FeatureCollection","features":[""", "not readable JSON")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}]}""", "not readable JSON")]
    public void Malformed_geojson_is_refused(string json, string expected)
    {
        var path = _temp.Write("h.geojson", json);
        var e = Assert.Throws<ImportFailedException>(() => new DistrictHeatingReader().Read(path, "heat"));
        Assert.Contains(expected, e.Message);
        Assert.Contains("h.geojson", e.Message);
    }

    [Fact]
    public void Geojson_that_is_not_utf8_is_refused_naming_the_file()
    {
        // "Å" in Latin-1 (0xC5) followed by a quote: not a valid UTF-8 sequence.
        var bytes = "{\"type\":\"FeatureCollection\",\"name\":\"X\",\"features\":[]}"u8.ToArray();
        bytes[bytes.Length - 20] = 0xC5;
        var path = _temp.Write("latin1.geojson", bytes);
        var e = Assert.Throws<ImportFailedException>(() => new DistrictHeatingReader().Read(path, "heat"));
        Assert.Contains("latin1.geojson", e.Message);
    }

    [Fact]
    public void District_heating_points_outside_denmark_are_errors()
    {
        var path = _temp.Write("h.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"forsyid":"1","name":"Aabybro Fjernvarme","total_area_km2":7.05},"geometry":{"type":"Point","coordinates":[9.760823,57.14891]}},
             {"type":"Feature","properties":{"forsyid":"2","name":"Swapped"},"geometry":{"type":"Point","coordinates":[57.14891,9.760823]}}]}
            """);
        var result = new DistrictHeatingReader().Read(path, "heat");
        Assert.Equal(7.05, Assert.Single(result.Records).SupplyAreaKm2);
        Assert.Equal(2, Assert.Single(result.Errors).Row);
    }

    public void Dispose() => _temp.Dispose();
}
