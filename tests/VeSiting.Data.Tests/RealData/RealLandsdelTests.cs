using VeSiting.Core.Domain;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Data.Tests.RealData;

/// <summary>The committed landsdel reference against the DAGI boundaries of the default data set.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealLandsdelTests(RealDataSet real)
{
    private static readonly IReadOnlyList<Landsdel> Landsdele = LandsdelReference.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));

    [Fact]
    public async Task Every_municipality_of_the_boundaries_lies_in_exactly_one_landsdel()
    {
        var municipalities = await real.Store.ListAreasAsync(AdminAreaKind.Municipality, CancellationToken.None);
        Assert.Equal(99, municipalities.Count); // 98 municipalities and Christiansø
        Assert.Equal(11, Landsdele.Count);
        Assert.Equal(11, Landsdele.Select(l => l.Code).Distinct().Count());
        foreach (var m in municipalities)
            Assert.True(Landsdele.Count(l => l.MunicipalityCodes.Contains(m.Code)) == 1, $"{m.Code} {m.Name} is in {Landsdele.Count(l => l.MunicipalityCodes.Contains(m.Code))} landsdele");
        // No code in the reference that the boundaries do not have.
        Assert.Equal(municipalities.Select(m => m.Code).Order(StringComparer.Ordinal), Landsdele.SelectMany(l => l.MunicipalityCodes).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_landsdel_lies_in_the_region_it_names()
    {
        // Landsdele nest in regions (NUTS 3 in NUTS 2): every municipality's interior point lies in its landsdel's region polygon.
        var municipalities = await real.Store.ListAreasAsync(AdminAreaKind.Municipality, CancellationToken.None);
        var regions = (await real.Store.ListAreasAsync(AdminAreaKind.Region, CancellationToken.None)).ToDictionary(r => r.Code);
        foreach (var landsdel in Landsdele)
        {
            Assert.True(regions.ContainsKey(landsdel.RegionCode), $"{landsdel.Code}: no region {landsdel.RegionCode}");
            foreach (var m in municipalities.Where(m => landsdel.MunicipalityCodes.Contains(m.Code)))
                Assert.True(regions[landsdel.RegionCode].Geometry.Covers(m.Geometry.InteriorPoint), $"{m.Code} {m.Name} is not in region {landsdel.RegionCode} of {landsdel.Code}");
        }
    }
}
