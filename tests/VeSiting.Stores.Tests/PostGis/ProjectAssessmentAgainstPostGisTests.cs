using Npgsql;
using VeSiting.Core.Assessments;
using VeSiting.Core.Domain;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Conformance;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>
/// A planned three-turbine project west of Høng (hub 95 m, rotor 110 m: H = 150 m) placed among real DAR
/// addresses. Every affected dwelling and its distance is checked against PostGIS computing
/// <c>ST_Distance</c> to the collection of the three turbines, in the same database.
/// </summary>
public sealed class ProjectAssessmentAgainstPostGisTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private static readonly (double E, double N)[] Turbines = [(638500, 6150500), (638900, 6150300), (638300, 6149600)];

    private async Task<ProjectAssessment> AssessAsync()
    {
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var context = new AssessmentContext(stores.Real, library.Rules, library.PriceStack(2026), library.Scenarios.Values.ToList(), new DateOnly(2026, 11, 26));
        var plants = Turbines.Select((t, i) => PlannedPlants.Turbine($"T{i + 1}", t.E, t.N, 95, 110, 4200)).ToList();
        return await new ProjectAssessor(context).AssessAsync(new Project("Høng vest", plants, new DateOnly(2026, 6, 1)));
    }

    private async Task<List<(string Id, double Distance)>> PostGisDistancesAsync(double within)
    {
        await using var connection = new NpgsqlConnection(stores.ConnectionStrings[1]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH project AS (
                SELECT ST_SetSRID(ST_Collect(ARRAY[ST_MakePoint(638500, 6150500), ST_MakePoint(638900, 6150300), ST_MakePoint(638300, 6149600)]), 25832) AS g)
            SELECT a.id, ST_Distance(a.geom, project.g) FROM addresses a, project
            WHERE ST_DWithin(a.geom, project.g, @within)
            ORDER BY 2, a.id COLLATE "C"
            """, connection);
        command.Parameters.AddWithValue("within", within);
        var rows = new List<(string, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetDouble(1)));
        return rows;
    }

    [Fact]
    public async Task Every_affected_dwelling_and_its_distance_match_PostGIS()
    {
        var assessment = await AssessAsync();
        var expected = await PostGisDistancesAsync(8 * 150);

        Assert.True(expected.Count > 20, $"the layout should touch real addresses; PostGIS found {expected.Count}");
        Assert.Equal(expected.Select(e => e.Id), assessment.Dwellings.Select(d => d.Address.Id));
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Distance, assessment.Dwellings[i].DistanceM, 0.001);
    }

    [Fact]
    public async Task Minimum_distance_violations_and_rings_match_PostGIS()
    {
        var assessment = await AssessAsync();
        var inside4H = (await PostGisDistancesAsync(600)).Where(e => e.Distance < 600).Select(e => e.Id).ToList();
        var inside6H = (await PostGisDistancesAsync(900)).Select(e => e.Id).ToHashSet();

        Assert.NotEmpty(inside4H);
        Assert.Equal(inside4H, assessment.Violations.Select(v => v.Address.Id));
        Assert.Equal(inside6H.Count - inside4H.Count, assessment.SalesOptionHouseholds);
        Assert.Equal(assessment.Dwellings.Count, assessment.VeBonusHouseholds);
    }

    [Fact]
    public async Task The_project_pays_green_pool_and_a_capped_VE_bonus_by_the_2024_rules()
    {
        var assessment = await AssessAsync();
        // 3 × 4.2 MW = 12.6 MW onshore wind under the rules from 1 July 2024: 313,000 DKK/MW → 3,943,800 DKK.
        Assert.Equal(3_943_800, assessment.GreenPoolDkk, 1e-6);
        // Cap: 1.5 % of 12,600 kW = 189 kW; each qualifying household would get 9.75 kW.
        var bonus = assessment.VeBonus!;
        Assert.Equal(189, bonus.Cap.CapKw, 1e-9);
        Assert.Equal(assessment.VeBonusHouseholds > 19, bonus.Cap.Applied); // 189 / 9.75 = 19.4 households at full k
        // Production 12,600 kW × 3,000 h; price 0.60 DKK/kWh (2026 stack): per household = k_eff / 12,600 × 37,800,000 × 0.60.
        Assert.Equal(bonus.Cap.EffectiveKw / 12_600 * 37_800_000 * 0.60, bonus.PerHouseholdDkk, 1e-6);
        Assert.Contains(assessment.Provenance.Unconfirmed, u => u.Key == "kPerHousehold");
        Assert.Contains(assessment.Provenance.RuleSets, r => r.Id == "green-pool" && r.Version == "2024-07.1");
    }
}
