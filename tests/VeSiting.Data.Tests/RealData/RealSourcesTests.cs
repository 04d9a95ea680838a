using VeSiting.Core.Domain;

namespace VeSiting.Data.Tests.RealData;

/// <summary>Counts and joins of the other sources against SOURCES.md and independent tallies (awk / Python on the raw files).</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealSourcesTests(RealDataSet real)
{
    [Fact]
    public void Every_source_loads_with_the_row_counts_the_publisher_gives()
    {
        Assert.Equal(222, real.Data.Reports.Single(r => r.SourceId == "powerplantmatching-dk").Records);
        Assert.Equal(99, real.Data.Municipalities.Count);
        Assert.Equal(5, real.Data.Regions.Count);
        // 1,326 DAR sample addresses + the Samsø extract's 4,596 (tests/VeSiting.Data.Tests/Independent/osm_samsoe.py: all
        // inside a municipality or within 36.2 m of one, so all placed; the DAR sample holds none in 0741).
        Assert.Equal(1326 + 4596, real.Data.Addresses.Count);
        Assert.Equal(4596, real.Data.Addresses.Count(a => a.Origin.SourceId == "osm"));
        // 2,471 GeoDanmark footprints + Samsø's 5,577 closed building ways and 31 building multipolygons (the same script).
        Assert.Equal(2471 + 5577 + 31, real.Data.Buildings.Count);
        Assert.Equal(419, real.Data.DistrictHeating.Count);
        Assert.Equal(99, real.Data.Population.Count);
    }

    [Fact]
    public void Powerplantmatching_wind_farms_the_register_holds_are_dropped_and_the_rest_labelled()
    {
        // Independently (tests/VeSiting.Data.Tests/Independent/wind_farm_matches.sh: the register read by the Python standard
        // library, distances and the transformation by PostGIS): of its 112 wind farms, 108 are matched by register
        // turbines; 12874, 21928, 22288 and 22289 are not. 222 − 108 = 114 powerplantmatching plants remain.
        var ppm = real.Data.Plants.Where(p => p.Origin.SourceId == "powerplantmatching-dk").ToList();
        Assert.Equal(114, ppm.Count);
        Assert.Equal(["ppm:12874", "ppm:21928", "ppm:22288", "ppm:22289"], ppm.Where(p => p.Kind == PlantKind.WindFarm).Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(ppm.Where(p => p.Kind == PlantKind.WindFarm), p => Assert.Contains("not in the ENS register edition loaded", p.Technology));
        var notes = real.Data.Reports.Single(r => r.SourceId == "powerplantmatching-dk").Issues.Where(i => i.Reason.Contains("matched: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(108, notes.Count(n => n.Reason.Contains("; dropped", StringComparison.Ordinal)));
    }

    [Fact]
    public void Postcode_polygons_are_grouped_by_postcode()
    {
        // 805 polygons with 592 distinct POSTNR_TXT values (Python tally of the file).
        Assert.Equal(592, real.Data.PostCodes.Count);
        Assert.Equal(592, real.Data.PostCodes.Select(p => p.Code).Distinct().Count());
        Assert.Contains(real.Data.PostCodes, p => p.Geometry.NumGeometries > 1);
    }

    [Fact]
    public void Invalid_simplified_boundaries_are_repaired_and_reported()
    {
        Assert.All(real.Data.Municipalities.Concat(real.Data.Regions).Concat(real.Data.PostCodes), a => Assert.True(a.Geometry.IsValid, $"{a.Kind} {a.Code}"));
        var notes = real.Data.Reports.Single(r => r.SourceId == "dagi-regions").Issues;
        Assert.Contains(notes, n => n.Reason.Contains("invalid geometry") && n.Reason.Contains("repaired"));
    }

    [Fact]
    public void Population_joins_every_municipality_name_including_the_aliased_spellings()
    {
        // awk -F, 'NR>1{s+=$5} END{print s}' population/dst-folk1a-2024m01-kommuner.csv → 5961249
        Assert.Equal(5_961_249, real.Data.Population.Sum(p => p.Population));
        Assert.Equal(29_610, real.Data.Population.Single(p => p.MunicipalityCode == 480).Population); // "Nordfyns"
        Assert.Equal(36_012, real.Data.Population.Single(p => p.MunicipalityCode == 820).Population); // "Vesthimmerlands"
    }

    [Fact]
    public void Solar_parks_come_from_powerplantmatching_in_utm32()
    {
        var solar = real.Data.Plants.Where(p => p.Kind == PlantKind.SolarPark).ToList();
        Assert.Equal(73, solar.Count);
        Assert.All(solar, p => Assert.Equal(25832, p.Geometry.SRID));
    }

    [Fact]
    public void Buildings_are_two_dimensional_footprints_with_bbr_ids_where_geodanmark_gives_them()
    {
        Assert.All(real.Data.Buildings, b => Assert.True(double.IsNaN(b.Footprint.Coordinate.Z)));
        Assert.All(real.Data.Buildings.Where(b => b.Origin.SourceId == "geodanmark-buildings"), b => Assert.NotNull(b.BbrId));
        // OpenStreetMap footprints carry no BBR id.
        Assert.All(real.Data.Buildings.Where(b => b.Origin.SourceId == "osm"), b => Assert.Null(b.BbrId));
    }

    [Fact]
    public void Attribution_names_every_publisher()
    {
        Assert.Contains(real.Data.Attributions, a => a.Contains("Energistyrelsen"));
        Assert.Contains(real.Data.Attributions, a => a.Contains("DAGI"));
        Assert.Contains(real.Data.Attributions, a => a.Contains("Danmarks Statistik"));
        Assert.Contains("© OpenStreetMap contributors", real.Data.Attributions);
        Assert.Equal(16, real.Data.Version.Id.Length);
    }

    [Fact]
    public void Nearly_every_address_lies_in_the_municipality_of_its_own_code()
    {
        var inside = real.Data.Addresses.Count(a =>
            real.Store.AreaAtAsync(AdminAreaKind.Municipality, a.Position).Result?.NumericCode == a.MunicipalityCode);
        Assert.True(inside >= 0.99 * real.Data.Addresses.Count, $"{inside} of {real.Data.Addresses.Count}");
    }
}
