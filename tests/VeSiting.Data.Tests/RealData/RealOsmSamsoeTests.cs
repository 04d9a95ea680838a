using VeSiting.Core.Domain;

namespace VeSiting.Data.Tests.RealData;

/// <summary>
/// The Samsø OpenStreetMap extract in the default data, against the register. Figures from
/// tests/VeSiting.Data.Tests/Independent/osm_samsoe.py and a Python standard-library read of the register (its
/// ens_register_counts.sheets): the extract's 17 dk:esid values are all GSRNs of the register (16 existing, 22012
/// decommissioned); 2 wind generators have no dk:esid (node/2241737197, node/6597565062); the register's existing land
/// turbines in 0741 whose GSRN no OSM turbine carries are 570715000000063077 and 570715000000083662.
/// </summary>
[Collection(RealDataCollection.Name)]
public sealed class RealOsmSamsoeTests(RealDataSet real)
{
    [Fact]
    public void Samsoe_addresses_come_from_openstreetmap_placed_in_0741_with_one_household_each()
    {
        var osm = real.Data.Addresses.Where(a => a.Origin.SourceId == "osm").ToList();
        Assert.Equal(4596, osm.Count);
        Assert.All(osm, a => Assert.Equal(741, a.MunicipalityCode));
        Assert.All(osm, a => Assert.Null(a.Households));
    }

    [Fact]
    public void Turbines_in_osm_join_the_register_by_gsrn_and_the_report_lists_the_differences_both_ways()
    {
        var added = real.Data.Plants.Where(p => p.Origin.SourceId == "osm").ToList();
        Assert.Equal(["osm:node/2241737197", "osm:node/6597565062"], added.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(added, p => Assert.Equal((PlantKind.WindTurbine, 741), (p.Kind, p.MunicipalityCode!.Value)));

        var notes = real.Data.Reports.Single(r => r.SourceId == "osm").Issues.Select(i => i.Reason).ToList();
        Assert.Contains(notes, n => n.StartsWith("2 wind turbine(s) in OpenStreetMap are not in the loaded register edition", StringComparison.Ordinal)
            && n.Contains("node/2241737197 (no dk:esid)") && n.Contains("node/6597565062 (no dk:esid)"));
        Assert.Contains(notes, n => n.StartsWith("2 operating land turbine(s) of the register in the municipalities the extract covers are not in OpenStreetMap", StringComparison.Ordinal)
            && n.EndsWith("570715000000063077, 570715000000083662", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("addresses from osm (OpenStreetMap) in 1 municipality(ies): 0741 Samsø (4,596)", StringComparison.Ordinal));
    }
}
