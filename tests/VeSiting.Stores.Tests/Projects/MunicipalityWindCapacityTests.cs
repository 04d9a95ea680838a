using System.Globalization;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Conformance;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

/// <summary>
/// No double counting: onshore and offshore wind MW of every municipality's answer equal an independent reading of the
/// register workbook (ens-register-mw-by-municipality.csv, written by
/// tests/VeSiting.Data.Tests/Independent/ens_register_mw_by_municipality.py with the Python standard library), on both stores.
/// powerplantmatching's wind farms that the register already holds no longer add to it.
/// </summary>
public abstract class MunicipalityWindCapacityCases
{
    protected abstract Task<ISpatialStore> StoreAsync();

    private static Dictionary<(int Code, string Siting), double> Independent()
    {
        var path = Path.Combine(ProjectLayout.Locate().Root, "tests", "VeSiting.Stores.Tests", "Projects", "ens-register-mw-by-municipality.csv");
        var kw = File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (int.Parse(f[0], CultureInfo.InvariantCulture), f[1]), f => double.Parse(f[2], CultureInfo.InvariantCulture) / 1000);
        // The register's one row without a municipality (code 0: GSRN 570715000001501806, 10 kW, onshore, at E 587,306.94
        // N 6,344,915.91) is counted where it stands: 0813 Frederikshavn (kommuner.geojson loaded by GDAL's ogr2ogr into
        // PostGIS, ST_Covers).
        if (kw.Remove((0, "onshore"), out var unattributed))
            kw[(813, "onshore")] = kw.GetValueOrDefault((813, "onshore")) + unattributed;
        return kw;
    }

    [Fact]
    public async Task Every_municipality_has_the_register_s_onshore_and_offshore_MW()
    {
        var store = await StoreAsync();
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var context = new AssessmentContext(store, library.Rules, library.PriceStack(2026), [], new DateOnly(2026, 11, 29));
        var expected = Independent();
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality);
        Assert.All(expected.Keys, k => Assert.Contains(municipalities, m => m.NumericCode == k.Code));

        var mismatches = new List<string>();
        foreach (var area in municipalities)
        {
            var answer = (await new MunicipalityAssessor(context).AssessAsync(area.Code)).Value;
            foreach (var siting in new[] { "onshore", "offshore" })
            {
                var got = answer.Technologies.Where(t => t.Technology == $"{siting} wind").Sum(t => t.Mw);
                var want = expected.GetValueOrDefault((area.NumericCode!.Value, siting));
                if (Math.Abs(got - want) > 1e-6)
                    mismatches.Add($"{area.Code} {area.Name} {siting}: {got} MW, register {want} MW");
            }
        }
        Assert.Empty(mismatches);
    }
}

public sealed class EmbeddedMunicipalityWindCapacityTests : MunicipalityWindCapacityCases
{
    protected override async Task<ISpatialStore> StoreAsync() => new EmbeddedSpatialStore(await RealData.GetAsync());
}

public sealed class PostGisMunicipalityWindCapacityTests(PostGisStores stores) : MunicipalityWindCapacityCases, IClassFixture<PostGisStores>
{
    protected override Task<ISpatialStore> StoreAsync() => Task.FromResult<ISpatialStore>(stores.Real);
}
