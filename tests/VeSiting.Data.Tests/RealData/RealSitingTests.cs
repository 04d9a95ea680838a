using VeSiting.Core.Suitability;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Data.Tests.RealData;

/// <summary>Spin-off siting over the whole of Denmark at 1 km on the real data.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealSitingTests(RealDataSet real)
{
    [Fact]
    public async Task Whole_Denmark_at_1_km_ranks_the_land_cells_reproducibly()
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var library = RuleLibrary.Load(geodata);
        var profile = new SitingProfileLoader(geodata).LoadAll()["greenhouse"];
        var service = new SitingService(real.Store, library.Rules, library.PriceStack(2026), library.Scenarios, new DateOnly(2026, 11, 26));

        var denmark = (await service.ResolveAreaAsync("denmark", CancellationToken.None)).Value;
        var first = await service.RunAsync(profile, denmark, 1000);
        var second = await service.RunAsync(profile, denmark, 1000);

        // Denmark's land is about 43,000 km²; the simplified DAGI boundaries hold a similar number of 1 km cell centres.
        Assert.InRange(first.Sites.Count, 40_000, 46_000);
        Assert.Equal(first.Sites.Count, first.Ranked.Count() + first.Excluded.Count());
        Assert.All(first.Excluded, s => Assert.False(string.IsNullOrWhiteSpace(s.ExcludedBecause?.Text)));
        Assert.Contains(first.Excluded, s => s.ExcludedBecause!.Text.StartsWith("inside the minimum distance of turbine"));
        Assert.Equal(first.Ranked.Take(50).Select(s => (s.Candidate.Id, s.Score)), second.Ranked.Take(50).Select(s => (s.Candidate.Id, s.Score)));
        Assert.Contains(first.Notes, n => n.Text.Contains("spread evenly over its area"));
    }
}
