using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Osm;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>
/// The Samsø extract read in each of its four forms. Expected figures from
/// tests/VeSiting.Data.Tests/Independent/osm_samsoe.py (standard-library XML and pyproj) and SOURCES.md: 4,596 addresses,
/// all of them nodes; 19 wind generators, 17 with dk:esid; 5,577 closed building ways and 31 building multipolygons.
/// </summary>
public sealed class OsmReaderSamsoeTests(SamsoeExtractFiles files) : IClassFixture<SamsoeExtractFiles>
{
    public static TheoryData<string> Forms => ["zip", "xml", "bzip2", "pbf"];

    private string PathOf(string form) => form switch
    {
        "zip" => files.Zip,
        "xml" => files.Xml,
        "bzip2" => files.Bzip2,
        _ => files.Pbf,
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_gives_the_same_addresses_turbines_and_buildings(string form)
    {
        var extract = new OsmReader().Read(PathOf(form), "osm").RecordsOrThrow("osm").Single();

        Assert.Equal(4596, extract.Addresses.Count);
        // 4,591 carry osak:identifier (SOURCES.md): their id is the DAR access-address id; the other 5 are osm:node/….
        Assert.Equal(4591, extract.Addresses.Count(a => !a.Id.StartsWith("osm:", StringComparison.Ordinal)));
        var wind = extract.Plants.Where(p => p.Kind == PlantKind.WindTurbine).ToList();
        Assert.Equal(19, wind.Count);
        Assert.Equal(17, wind.Count(p => p.Gsrn is not null));
        // node/1199989714, dk:esid 570715000000021770 at E 601293.98 N 6185171.78 (pyproj, the script).
        var turbine = wind.Single(p => p.Element == "node/1199989714");
        Assert.Equal("570715000000021770", turbine.Gsrn);
        Assert.Equal(601293.98, ((Point)turbine.Geometry).X, 0.01);
        Assert.Equal(6185171.78, ((Point)turbine.Geometry).Y, 0.01);
        // Building footprints: closed ways and multipolygon relations tagged building=* (5,577 ways, 31 relations; the script).
        Assert.Equal(5577 + 31, extract.Buildings.Count);
        Assert.All(extract.Buildings, b => Assert.True(b.Footprint is Polygon or MultiPolygon));
    }

    [Fact]
    public void An_address_keeps_its_street_number_postcode_city_and_DAR_id()
    {
        var extract = new OsmReader().Read(files.Pbf, "osm").RecordsOrThrow("osm").Single();
        Assert.All(extract.Addresses, a => Assert.False(string.IsNullOrEmpty(a.StreetName)));
        // 4,592 of 4,596 have addr:postcode (SOURCES.md tag counts); Samsø's postcodes are 8305 (the island's one).
        Assert.Equal(4592, extract.Addresses.Count(a => a.PostCode != 0));
        Assert.All(extract.Addresses.Where(a => a.PostCode != 0), a => Assert.Equal(8305, a.PostCode));
        Assert.All(extract.Addresses, a => Assert.Null(a.Households));
    }

    [Fact]
    public void A_file_cut_off_in_the_middle_fails_naming_the_file_and_where_it_broke()
    {
        foreach (var (path, name) in new[] { (files.Xml, "cut.osm"), (files.Pbf, "cut.osm.pbf") })
        {
            var bytes = File.ReadAllBytes(path);
            var cut = Path.Combine(files.Folder, name);
            File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
            var failure = Assert.Throws<ImportFailedException>(() => new OsmReader().Read(cut, "osm"));
            var error = Assert.Single(failure.Errors);
            Assert.Equal(name, error.File);
            Assert.Contains("breaks off or is corrupt after element", error.Reason);
        }
    }

    [Fact]
    public void A_zip_without_one_osm_file_and_a_file_that_is_no_osm_are_refused()
    {
        var notOsm = Path.Combine(files.Folder, "notes.osm");
        File.WriteAllText(notOsm, "these are not OpenStreetMap data");
        var failure = Assert.Throws<ImportFailedException>(() => new OsmReader().Read(notOsm, "osm"));
        Assert.Contains("not an OpenStreetMap file", Assert.Single(failure.Errors).Reason);
    }
}
