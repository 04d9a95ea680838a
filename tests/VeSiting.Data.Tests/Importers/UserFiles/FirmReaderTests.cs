using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Explanations;
using VeSiting.Core.Importing;
using VeSiting.Core.Spatial;
using VeSiting.Data.Exports;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Loading;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.UserFiles;

/// <summary>The firms layer: CSV with UTM or lon/lat, GeoJSON and GeoPackage points; every bad value an error naming file, row and column.</summary>
public sealed class FirmReaderTests
{
    [Fact]
    public void A_csv_with_utm_coordinates_is_read_with_its_cvr_numbers()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("firms.csv", "id,name,annual_kwh,cvr,e,n\nf1,Gartneri Nord,1200000,DK 1234 5678,600500,6200000\nf2,Mejeri,\"2,5\",,601000,6200000\n");

        var read = new FirmReader().Read(path, "firms");

        Assert.Empty(read.Issues);
        Assert.Equal(["f1", "f2"], read.Records.Select(f => f.Id));
        var nord = read.Records[0];
        // "DK 1234 5678" written as it often is: the eight digits kept; "2,5" is the Danish decimal comma.
        Assert.Equal(("Gartneri Nord", "12345678", 1_200_000.0, 600_500.0, 6_200_000.0), (nord.Name, nord.Cvr, nord.AnnualKwh, nord.Position.X, nord.Position.Y));
        Assert.Equal((null, 2.5), (read.Records[1].Cvr, read.Records[1].AnnualKwh));
        Assert.Equal(new RecordOrigin("firms", "firms.csv", 3), read.Records[1].Origin);
    }

    [Fact]
    public void A_csv_with_lon_lat_is_put_in_utm_zone_32()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("firms.csv", "id;name;annual_kwh;lon;lat\nf1;Væksthus;800000;8.4720166;56.3797517\n");

        var firm = Assert.Single(new FirmReader().Read(path, "firms").Records);

        // The control point of PostGIS 3.3.2 / PROJ 9.1.1 (docs/verified-dependencies.md): E 467394.6281, N 6248471.3325.
        Assert.Equal(467_394.6281, firm.Position.X, 1e-3);
        Assert.Equal(6_248_471.3325, firm.Position.Y, 1e-3);
    }

    [Fact]
    public void Every_bad_value_is_an_error_naming_row_and_column_and_the_file_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("firms.csv", "id,name,annual_kwh,cvr,e,n\n"
            + "f1,Gartneri,1200000,,600500,6200000\n"   // row 2: fine
            + "f2,,1000,,600500,6200000\n"              // row 3: no name
            + "f3,Savværk,-5,,600500,6200000\n"         // row 4: negative kWh
            + "f4,Smedje,1000,1234,600500,6200000\n"    // row 5: CVR of four digits
            + "f1,Igen,1000,,600500,6200000\n"          // row 6: id f1 again
            + "f6,Langt væk,1000,,100000,6200000\n"     // row 7: west of Denmark
            + "f7,Uden sted,1000,,,6200000\n");         // row 8: no easting

        var read = new FirmReader().Read(path, "firms");

        Assert.Equal([(3, "name"), (4, "annual_kwh"), (5, "cvr"), (6, "id"), (7, "e"), (8, "e")], read.Issues.Select(i => (i.Row!.Value, i.Column!)));
        Assert.All(read.Issues, i => Assert.Equal((ImportIssueSeverity.Error, "firms.csv"), (i.Severity, i.File)));
        Assert.Contains("already used in row 2", read.Issues.Single(i => i.Row == 6).Reason);
        var refused = Assert.Throws<ImportFailedException>(() => SourceImporters.Read("firms", path, "firms"));
        Assert.Contains("firms.csv row 4 column 'annual_kwh'", refused.Message);
    }

    [Fact]
    public void The_findings_are_reasons_rendered_in_danish_with_file_row_and_column()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("firms.csv", "id,name,annual_kwh,cvr,e,n\n"
            + "f1,Gartneri,1200000,,600500,6200000\n"  // row 2: fine
            + "f2,,1000,,600500,6200000\n"             // row 3: no name
            + "f1,Igen,1000,,600500,6200000\n");       // row 4: id f1 again

        var read = new FirmReader().Read(path, "firms");

        var missing = read.Issues.Single(i => i.Row == 3);
        var twice = read.Issues.Single(i => i.Row == 4);
        Assert.Equal(("import.missing", "import.id-twice"), (missing.Because?.Code, twice.Because?.Code));
        Assert.Equal(2, twice.Because!["first"]);
        Assert.Equal("fejl: firms.csv række 3 kolonne 'name': værdien mangler", missing.Render(MessageCatalogue.Danish));
        Assert.Equal("fejl: firms.csv række 4 kolonne 'id': id 'f1' er allerede brugt i række 2", twice.Render(MessageCatalogue.Danish));
        // English keeps the words it had.
        Assert.Equal("error: firms.csv row 4 column 'id': id 'f1' is already used in row 2", twice.ToString());
    }

    [Fact]
    public void A_csv_without_coordinates_or_kwh_columns_is_refused_naming_what_is_missing()
    {
        using var temp = new TempDirectory();
        var noKwh = temp.Write("a.csv", "id,name,e,n\nf1,A,600500,6200000\n");
        var noPlace = temp.Write("b.csv", "id,name,annual_kwh\nf1,A,1000\n");

        Assert.Contains("missing column(s) annual_kwh", Assert.Throws<ImportFailedException>(() => new FirmReader().Read(noKwh, "firms")).Message);
        Assert.Contains("needs columns e,n (EPSG:25832) or lon,lat (WGS 84)", Assert.Throws<ImportFailedException>(() => new FirmReader().Read(noPlace, "firms")).Message);
    }

    [Fact]
    public void GeoJSON_and_GeoPackage_points_are_read_and_a_polygon_is_an_error_naming_the_feature()
    {
        using var temp = new TempDirectory();
        var geojson = temp.Write("firms.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[
             {"type":"Feature","properties":{"id":"g1","name":"Gartneri","annual_kwh":1200000,"cvr":"12345678"},"geometry":{"type":"Point","coordinates":[600500,6200000]}},
             {"type":"Feature","properties":{"id":"g2","name":"Hal","annual_kwh":5000},"geometry":{"type":"Polygon","coordinates":[[[590000,6200000],[590500,6200000],[590500,6200500],[590000,6200000]]]}}]}
            """);
        var gpkg = Path.Combine(temp.Path, "firms.gpkg");
        GeoPackageWriter.WriteFile(gpkg, [new GeoPackageLayer("firms", "firms", "POINT", [("id", "TEXT"), ("name", "TEXT"), ("annual_kwh", "REAL")],
            [((Geometry)GeometryTransforms.Utm32Point(601_000, 6_200_000), ["p1", "Mejeri", 250_000.0])])]);

        var fromJson = new FirmReader().Read(geojson, "firms");
        var fromGpkg = new FirmReader().Read(gpkg, "firms");

        Assert.Equal(("g1", "12345678", 1_200_000.0), (fromJson.Records.Single().Id, fromJson.Records.Single().Cvr, fromJson.Records.Single().AnnualKwh));
        Assert.Equal((2, "geometry"), (fromJson.Issues.Single().Row!.Value, fromJson.Issues.Single().Column!));
        var dairy = Assert.Single(fromGpkg.Records);
        Assert.Empty(fromGpkg.Issues);
        Assert.Equal(("p1", "Mejeri", 250_000.0, 601_000.0), (dairy.Id, dairy.Name, dairy.AnnualKwh, dairy.Position.X));
    }
}
