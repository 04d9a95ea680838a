using VeSiting.Core.Assessments;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Projects;

/// <summary>The national batch join, on the hand-made parks: each dwelling once per project, the cap per project.</summary>
public sealed class ProjectHouseholdJoinTests
{
    [Fact]
    public void Each_dwelling_counts_once_per_project_whose_bonus_reaches_it()
    {
        var data = ParkData.Create();
        var library = RuleLibrary.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata"));
        var grid = new PointGrid([.. data.Addresses.Select(a => a.Position.X)], [.. data.Addresses.Select(a => a.Position.Y)]);

        var (projects, pairs, reached) = ProjectHouseholdJoin.Run(data.Plants, grid, new SchemeDistanceBook(library.Rules, new DateOnly(2026, 11, 29)));

        // h1 and h2 are within 8 × H of five and four of park P's turbines and of both of park Q's (ParkData): two dwellings
        // per project, four pairs; the cap ring (4 km away) reaches neither park.
        Assert.Equal([("park-p", 2), ("park-q", 2)], projects.Select(p => (p.ProjectId, p.Dwellings)).OrderBy(p => p.ProjectId, StringComparer.Ordinal));
        Assert.Equal(4, pairs);
        Assert.Equal(2, reached);
        // P: 2 × 6.5 kW ≤ 1.5 % × 28,800 kW = 432 kW; Q (permit no later than 2020-12-10): 2 × 5 kW ≤ 1.5 % × 4,000 kW = 60 kW.
        Assert.All(projects, p => Assert.False(p.Capped));
        Assert.Equal([6.5, 5.0], projects.OrderBy(p => p.ProjectId, StringComparer.Ordinal).Select(p => p.EffectiveKw));
    }
}
