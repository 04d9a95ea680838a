using VeSiting.Core.Domain;
using VeSiting.Core.Importing;

namespace VeSiting.Data.Tests.RealData;

/// <summary>
/// The January 2022 register against counts made independently by
/// <c>Independent/ens_register_counts.py</c> (Python standard library on the raw XML):
/// existing sheet: 6,296 GSRN rows, 5,682 with coordinates, 7,028,342.5 kW; onshore 5,052 (4,722,742.5 kW),
/// offshore 630 (2,305,600 kW). Decommissioned sheet: 3,444 GSRN rows, 3,415 with coordinates.
/// </summary>
[Collection(RealDataCollection.Name)]
public sealed class RealRegisterTests(RealDataSet real)
{
    // The register's own turbines: the default data also holds Samsø's two OpenStreetMap wind generators that the register lacks.
    private IEnumerable<Plant> Register(PlantStatus status) =>
        real.Data.Plants.Where(p => p.Kind == PlantKind.WindTurbine && p.Status == status && p.Origin.SourceId == "ens-wind-register");

    [Fact]
    public void Existing_turbines_with_coordinates_and_their_capacity_match_the_independent_count()
    {
        var existing = Register(PlantStatus.Operating).ToList();
        Assert.Equal(5682, existing.Count);
        Assert.Equal(7_028_342.5, existing.Sum(p => p.CapacityKw ?? 0), 0.01);
    }

    [Fact]
    public void Onshore_and_offshore_split_matches_the_independent_count()
    {
        var existing = Register(PlantStatus.Operating).ToList();
        var onshore = existing.Where(p => p.Siting == Siting.Onshore).ToList();
        var offshore = existing.Where(p => p.Siting == Siting.Offshore).ToList();
        Assert.Equal(5052, onshore.Count);
        Assert.Equal(630, offshore.Count);
        Assert.Equal(4_722_742.5, onshore.Sum(p => p.CapacityKw ?? 0), 0.01);
        Assert.Equal(2_305_600, offshore.Sum(p => p.CapacityKw ?? 0), 0.01);
    }

    [Fact]
    public void Every_row_without_coordinates_is_reported_not_dropped()
    {
        var report = real.Data.Reports.Single(r => r.SourceId == "ens-wind-register");
        // 6,296 − 5,682 existing and 3,444 − 3,415 decommissioned rows lack coordinates.
        Assert.Equal(614 + 29, report.Skipped);
        Assert.DoesNotContain(report.Issues, i => i.Severity == ImportIssueSeverity.Error);
        Assert.Equal(3415, Register(PlantStatus.Decommissioned).Count());
    }

    [Fact]
    public void At_least_99_percent_of_onshore_turbines_lie_in_the_municipality_the_register_names()
    {
        var onshore = Register(PlantStatus.Operating).Where(p => p.Siting == Siting.Onshore && p.MunicipalityCode is not null).ToList();
        var inside = onshore.Count(p =>
            real.Store.AreaAtAsync(AdminAreaKind.Municipality, p.Geometry.Centroid).Result?.NumericCode == p.MunicipalityCode);
        Assert.True(onshore.Count > 5000);
        Assert.True(inside >= 0.99 * onshore.Count, $"{inside} of {onshore.Count} onshore turbines lie in their register municipality");
    }

    [Fact]
    public void Gsrn_stays_text_with_all_18_digits()
    {
        Assert.All(Register(PlantStatus.Operating), p => Assert.Matches("^[0-9]{18}$", p.Id));
        Assert.Contains(Register(PlantStatus.Operating), p => p.Id == "571313174000804817");
    }

    [Fact]
    public void Production_is_kept_for_the_latest_full_year()
    {
        // 2021 is the last full year in the January 2022 edition; most operating turbines report it.
        var withProduction = Register(PlantStatus.Operating).Count(p => p.AnnualProductionKwh.ContainsKey(2021));
        Assert.True(withProduction > 5000, $"{withProduction} turbines have 2021 production");
    }
}
