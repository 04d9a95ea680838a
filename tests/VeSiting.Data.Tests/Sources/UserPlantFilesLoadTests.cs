using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Sources;

/// <summary>The real data set loaded with a user's permit dates and project groupings added over it.</summary>
public sealed class UserPlantFilesLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    // Turbine 570715000000045608 is in the January 2022 register (see AssessmentApiTests); 570715999999999999 is not.
    private const string Known = "570715000000045608";
    private const string Unknown = "570715999999999999";

    [Fact]
    public async Task Permit_dates_and_groupings_reach_the_plants_and_unknown_gsrns_are_reported()
    {
        var layout = ProjectLayout.Locate();
        var cache = Path.Combine(_temp.Path, "cache");
        var editions = DefaultData.Editions(layout, cache);
        editions.Record(editions.Stage("permit-dates", _temp.Write("permits.csv", $"gsrn,permit_date\n{Known},1996-11-20\n{Unknown},2020-01-01\n")).File);
        editions.Record(editions.Stage("project-groupings", _temp.Write("groups.csv", $"gsrn,project_id\n{Known},hjerting-1\n")).File);

        var data = await DefaultData.LoadAsync(layout, cache);

        var plant = Assert.Single(data.Plants, p => p.Id == Known);
        Assert.Equal(new DateOnly(1996, 11, 20), plant.PermitDate);
        Assert.Equal("permit-dates file permits.csv", plant.PermitDateSource);
        Assert.Equal(("hjerting-1", ProjectBasis.User), (plant.ProjectId, plant.ProjectBasis));
        Assert.Equal(1, data.Plants.Count(p => p.PermitDateSource is not null));
        var report = Assert.Single(data.Reports, r => r.SourceId == "permit-dates");
        var skipped = Assert.Single(report.Issues, i => i.Severity == ImportIssueSeverity.Skipped);
        Assert.Equal(("permits.csv", 3, "gsrn"), (skipped.File, skipped.Row, skipped.Column));
        Assert.Contains(Unknown, skipped.Reason);
        Assert.Empty(data.Reports.Single(r => r.SourceId == "project-groupings").Issues);
        Assert.Contains(data.Attributions, a => a.Contains("permits.csv"));
    }

    public void Dispose() => _temp.Dispose();
}
