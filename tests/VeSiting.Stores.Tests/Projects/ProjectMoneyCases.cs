using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

/// <summary>
/// Neighbour money per project, derived by hand on <see cref="ParkData"/> with the rules of geodata/rules (their numbers are
/// those of ../shared/docs/dk-ve-rules.md: k = 5 kW for permits June–December 2020, 6.5 kW from 2021, cap 1.5 % of the
/// project's capacity, green pool 125,000 DKK/MW onshore 2020-06 – 2024-06). Runs on both stores.
/// </summary>
public abstract class ProjectMoneyCases
{
    protected static readonly RuleLibrary Library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
    private static readonly DateOnly Today = new(2026, 11, 29);

    protected abstract ISpatialStore Store { get; }

    private AssessmentContext Context => new(Store, Library.Rules, Library.PriceStack(2026), [], Today);
    private double Spot => Library.PriceStack(2026).SpotDkkPerKwh;

    private Task<SiteAssessment> SiteAsync(double e, double n) =>
        new SiteAssessor(Context).AssessAsync(GeometryTransforms.Utm32Point(e, n), "test", new ConsumptionProfile("t", "t", 4000, TimeOfUseShares.Uniform(1, 1, 1)));

    [Fact]
    public async Task A_household_near_five_turbines_of_one_park_gets_one_bonus_of_the_park()
    {
        var site = await SiteAsync(601_500, 6_200_700);

        var park = Assert.Single(site.Projects, p => p.Project.Id == "park-p");
        Assert.Equal(8, park.Project.Members.Count);
        Assert.Equal(ParkData.ParkTurbine(4).Id, park.Nearest.Plant.Id);
        Assert.Equal(707.107, park.Nearest.DistanceM, 3);
        // One bonus: 6.5 kW / (8 × 3,600 kW) × (8 × 9,000,000 kWh) × spot = 16,250 kWh × spot; two households (h1, h2) × 6.5 kW ≤ 432 kW cap.
        Assert.Equal(6.5 / (8 * 3600.0) * (8 * 9_000_000.0) * Spot, park.VeBonusDkkPerYear!.Value, 6);
        Assert.Equal(16_250 * Spot, park.VeBonusDkkPerYear!.Value, 6);
        // 4.71 × H: the sales option (4–6 × H) applies too.
        Assert.Contains(park.Outcome.Findings, f => f is { Scheme: Schemes.SalesOption, Applies: true });
    }

    [Fact]
    public async Task A_household_near_two_projects_gets_one_bonus_from_each()
    {
        var site = await SiteAsync(601_500, 6_200_700);

        Assert.Equal(["park-p", "park-q"], site.Projects.Select(p => p.Project.Id).Order(StringComparer.Ordinal));
        // Park P as above; park Q (connected 2020-12-10, permit assumed no later): 5 kW / 4,000 kW × 10,000,000 kWh × spot = 12,500 × spot.
        Assert.Equal((16_250 + 12_500) * Spot, site.VeBonusDkkPerYear, 6);
    }

    [Fact]
    public async Task A_park_connected_in_December_2020_without_permit_date_shows_both_periods()
    {
        var site = await SiteAsync(601_900, 6_200_900);

        var park = Assert.Single(site.Projects, p => p.Project.Id == "park-q");
        Assert.True(park.Permit.IsUpperBound);
        Assert.Equal(new DateOnly(2020, 12, 10), park.Outcome.PermitDate);
        // Permit June–December 2020: k = 5 kW; h2 at 600 m = 4.8 × H (H = 125 m) has the sales option and the bonus.
        Assert.Equal(5 / 4000.0 * 10_000_000 * Spot, park.VeBonusDkkPerYear!.Value, 6);
        Assert.Contains(park.Outcome.Findings, f => f is { Scheme: Schemes.SalesOption, Applies: true });
        // Permit before 1 June 2020: neither the VE-bonus nor the sales option existed.
        var before = Assert.Single(park.OtherPeriods);
        Assert.Equal(new DateOnly(2020, 5, 31), before.PermitDate);
        Assert.Null(before.VeBonusDkkPerYear);
        Assert.DoesNotContain(before.Findings, f => f is { Scheme: Schemes.SalesOption, Applies: true });
        Assert.Contains("no later than 2020-12-10", park.Permit.Explanation);
    }

    [Fact]
    public async Task A_10_MW_project_with_30_households_hits_the_cap_at_5_kW_each()
    {
        var (ce, cn) = ParkData.CapCentre;
        // 4 × 2,500 kW, H = 100 + 100 / 2 = 150 m, 200 m apart across the centre: every ring address is 700–1,100 m from its
        // nearest turbine, so all 30 are within 8 × H = 1,200 m and none inside 4 × H = 600 m.
        var turbines = Enumerable.Range(0, 4).Select(i => PlannedPlants.Turbine($"t{i}", ce - 300 + 200 * i, cn, 100, 100, 2500)).ToList();

        var a = await new ProjectAssessor(Context).AssessAsync(new Project("cap", turbines, new DateOnly(2022, 6, 1)));

        Assert.Equal(30, a.VeBonusHouseholds);
        Assert.Empty(a.Violations);
        // Cap: 1.5 % × 10,000 kW = 150 kW; 30 × 6.5 kW = 195 kW exceed it, so k = 150 / 30 = 5 kW each.
        Assert.True(a.VeBonus!.Cap.Applied);
        Assert.Equal(5, a.VeBonus.Cap.EffectiveKw, 9);
        // Production estimated: 10,000 kW × the estimate rule's full-load hours; per household 5 / 10,000 × that × spot.
        var hours = Library.Rules.Require(Schemes.Estimates, new DateOnly(2022, 6, 1))["fullLoadHoursOnshoreWind"].Value;
        Assert.Equal(5 / 10_000.0 * (10_000 * hours) * Spot, a.VeBonus.PerHouseholdDkk, 6);
    }

    [Fact]
    public async Task A_project_across_two_municipalities_splits_its_green_pool_by_MW()
    {
        // Two 4.2 MW turbines west of E 600,000 (0101), one east (0147); permit 2022: 125,000 DKK/MW.
        var turbines = new[] { 599_000.0, 599_500, 600_500 }.Select((e, i) => PlannedPlants.Turbine($"g{i}", e, 6_195_000, 95, 110, 4200)).ToList();

        var a = await new ProjectAssessor(Context).AssessAsync(new Project("border", turbines, new DateOnly(2022, 1, 1)));

        Assert.Equal([("0101", 8.4, 1_050_000.0), ("0147", 4.2, 525_000.0)], a.GreenPool.Select(g => (g.Code, Math.Round(g.Mw, 9), Math.Round(g.Dkk, 3))));
    }

    [Fact]
    public async Task A_turbine_at_the_Osterild_test_centre_gets_nothing_and_says_why()
    {
        // Inside the test-centre area of plant-eligibility 2020-06.2 (E 492,600–493,300, N 6,321,700–6,327,100).
        var turbine = PlannedPlants.Turbine("test-stand", 492_950, 6_324_000, 150, 180, 10_000);

        var a = await new ProjectAssessor(Context).AssessAsync(new Project("osterild", [turbine], new DateOnly(2026, 6, 1)));

        var coverage = Assert.Single(a.Coverage);
        Assert.Equal(Coverage.NotCovered, coverage.Eligibility.Coverage);
        Assert.Contains("Østerild", coverage.Eligibility.Reason);
        Assert.Null(a.VeBonus);
        Assert.Contains("no plant of the project is covered", a.VeBonusWhy.Text);
        Assert.Equal(0, a.GreenPoolDkk);
        Assert.Contains(a.GreenPool, g => g.Why.Text.Contains("Østerild", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registered_plant_is_assessed_with_every_member_of_its_project()
    {
        var plant = (await Store.FindPlantAsync(ParkData.ParkTurbine(0).Id))!;

        var project = await ProjectAssessor.RegisteredAsync(Store, [plant], null, default);
        var a = await new ProjectAssessor(Context).AssessAsync(project);

        Assert.Equal(8, a.Project.Plants.Count);
        // h1 and h2 are within 8 × H of some member: one bonus each, 6.5 / 28,800 × 72,000,000 × spot.
        Assert.Equal(2, a.VeBonusHouseholds);
        Assert.Equal(16_250 * Spot, a.VeBonus!.PerHouseholdDkk, 6);
        // The register names municipality 0147 for every turbine (turbine 0 stands on the border): the whole pool goes there.
        Assert.Equal(("0147", 28.8), Assert.Single(a.GreenPool) is var g ? (g.Code, Math.Round(g.Mw, 9)) : default);
    }

    [Fact]
    public async Task A_wave_plant_pays_the_green_pool_at_the_hydro_and_wave_rate()
    {
        // 10 MW of wave power permitted 2022 in municipality 0147: 10 × 92,000 DKK/MW (green pool 2020-06 – 2024-06).
        var wave = PlannedPlants.Turbine("w", 605_000, 6_195_000, 1, 0) with { Kind = PlantKind.Wave, HubHeightM = null, RotorDiameterM = null, CapacityKw = 10_000, Siting = Siting.Offshore };

        var a = await new ProjectAssessor(Context).AssessAsync(new Project("wave", [wave], new DateOnly(2022, 1, 1)));

        Assert.Equal(Coverage.Covered, Assert.Single(a.Coverage).Eligibility.Coverage);
        Assert.Equal(("0147", 920_000.0), Assert.Single(a.GreenPool) is var g ? (g.Code, Math.Round(g.Dkk, 3)) : default);
        Assert.Empty(a.Dwellings);
    }
}
