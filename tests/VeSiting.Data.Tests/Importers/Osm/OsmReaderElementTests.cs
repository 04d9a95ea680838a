using NetTopologySuite.Geometries;
using VeSiting.Core.Domain;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Osm;

/// <summary>A hand-made OSM file near Samsø: the element kinds the reader takes, each checked by hand.</summary>
public sealed class OsmReaderElementTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    // A square building way (nodes 1–4, 0.001° a side) with building:flats=5 and two address nodes inside it (10, 11);
    // a building way (nodes 5–8) that is itself an address with building:flats=4; a multipolygon relation of way 300
    // (nodes 20–23) with an address; a solar plant area (way 400, nodes 5–8 again) and a solar-heat plant (no electricity).
    private const string File = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="55.9000" lon="10.6000"/>
          <node id="2" lat="55.9000" lon="10.6010"/>
          <node id="3" lat="55.9010" lon="10.6010"/>
          <node id="4" lat="55.9010" lon="10.6000"/>
          <node id="5" lat="55.9100" lon="10.6000"/>
          <node id="6" lat="55.9100" lon="10.6010"/>
          <node id="7" lat="55.9110" lon="10.6010"/>
          <node id="8" lat="55.9110" lon="10.6000"/>
          <node id="10" lat="55.9003" lon="10.6003"><tag k="addr:street" v="Vestergade"/><tag k="addr:housenumber" v="1"/><tag k="addr:postcode" v="8305"/><tag k="addr:city" v="Samsø"/></node>
          <node id="11" lat="55.9006" lon="10.6006"><tag k="addr:street" v="Vestergade"/><tag k="addr:housenumber" v="3"/><tag k="osak:identifier" v="0A3F507B-F5E1-32B8-E044-0003BA298018"/></node>
          <node id="12" lat="55.9500" lon="10.6500"><tag k="addr:housenumber" v="9"/></node>
          <node id="20" lat="55.9200" lon="10.6000"/>
          <node id="21" lat="55.9200" lon="10.6020"/>
          <node id="22" lat="55.9220" lon="10.6020"/>
          <node id="23" lat="55.9220" lon="10.6000"/>
          <node id="30" lat="55.9300" lon="10.6000"><tag k="power" v="generator"/><tag k="generator:source" v="wind"/><tag k="dk:esid" v="570715000000021770"/><tag k="height" v="50 m"/><tag k="generator:output:electricity" v="1 MW"/></node>
          <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="building" v="apartments"/><tag k="building:flats" v="5"/></way>
          <way id="200"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/><tag k="building" v="house"/><tag k="building:flats" v="4"/><tag k="addr:street" v="Nørregade"/><tag k="addr:housenumber" v="2"/></way>
          <way id="300"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="23"/><nd ref="20"/></way>
          <way id="400"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/><tag k="power" v="plant"/><tag k="plant:source" v="solar"/></way>
          <way id="401"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="power" v="plant"/><tag k="plant:source" v="solar"/><tag k="plant:output:electricity" v="no"/></way>
          <relation id="500"><member type="way" ref="300" role="outer"/><tag k="type" v="multipolygon"/><tag k="building" v="farm"/><tag k="addr:place" v="Besser"/><tag k="addr:housenumber" v="7"/></relation>
        </osm>
        """;

    /// <summary>Held in memory, and spilled to a file beside it while the file is read (the file gone afterwards): the same records.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Addresses_buildings_flats_and_plants_come_from_nodes_ways_and_multipolygons(bool spilled)
    {
        var path = _temp.Write("hand.osm", File);
        var result = new OsmReader().Read(path, "osm", spillFolder: spilled ? _temp.Path : null);
        var extract = result.RecordsOrThrow("osm").Single();
        Assert.Equal([path], Directory.GetFiles(_temp.Path));

        // Node 12 has no street or place: skipped. Four addresses remain: nodes 10, 11, way 200, relation 500.
        Assert.Equal(["Besser 7", "Nørregade 2", "Vestergade 1", "Vestergade 3"], extract.Addresses.Select(a => $"{a.StreetName} {a.HouseNumber}").Order(StringComparer.Ordinal));
        Assert.Contains(result.Issues, i => i.Column == "node/12" && i.Reason.Contains("without addr:street"));
        // The DAR id, lower case, is the id; otherwise the element.
        Assert.Equal("0a3f507b-f5e1-32b8-e044-0003ba298018", extract.Addresses.Single(a => a.HouseNumber == "3").Id);
        Assert.Equal("osm:node/10", extract.Addresses.Single(a => a.HouseNumber == "1").Id);
        // building:flats=5 shared by the two address nodes inside way 100: 3 (the first in file order) and 2; way 200's own 4.
        Assert.Equal(3, extract.Addresses.Single(a => a.Id == "osm:node/10").Households);
        Assert.Equal(2, extract.Addresses.Single(a => a.HouseNumber == "3").Households);
        Assert.Equal(4, extract.Addresses.Single(a => a.StreetName == "Nørregade").Households);
        Assert.All(extract.Addresses.Where(a => a.Households is not null), a => Assert.True(a.HouseholdsFromBuildingFlats));
        Assert.Null(extract.Addresses.Single(a => a.StreetName == "Besser").Households);
        // A way's and a relation's position is an interior point of the footprint.
        var way200 = extract.Buildings.Single(b => b.Id == "osm:way/200").Footprint;
        Assert.True(way200.Contains(extract.Addresses.Single(a => a.StreetName == "Nørregade").Position));
        var relation = extract.Buildings.Single(b => b.Id == "osm:relation/500");
        Assert.Equal("farm", relation.BuildingType);
        Assert.True(relation.Footprint.Contains(extract.Addresses.Single(a => a.StreetName == "Besser").Position));
        Assert.Equal(3, extract.Buildings.Count);

        // The turbine: GSRN from dk:esid, 1 MW, height 50 m; the solar park area; the solar-heat plant is a note, no plant.
        var turbine = extract.Plants.Single(p => p.Kind == PlantKind.WindTurbine);
        Assert.Equal(("570715000000021770", 1000.0, 50.0), (turbine.Gsrn, turbine.CapacityKw!.Value, turbine.HubHeightM!.Value));
        var solar = extract.Plants.Single(p => p.Kind == PlantKind.SolarPark);
        Assert.True(solar.IsPowerPlant);
        Assert.IsType<Polygon>(solar.Geometry);
        Assert.Contains(result.Issues, i => i.Column == "way/401" && i.Reason.Contains("makes no electricity"));
    }

    public void Dispose() => _temp.Dispose();
}
