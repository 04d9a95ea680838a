using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Places;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Data.Tests.RealData;

/// <summary>Journey 8: the ten best places for a data centre over Denmark at 100 m are ten different places, on the real data.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealDistinctSitesTests(RealDataSet real)
{
    [Fact]
    public async Task Ten_places_for_a_data_centre_at_100_m_are_ten_different_places()
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var library = RuleLibrary.Load(geodata);
        var profile = new SitingProfileLoader(geodata).LoadAll()["data-centre"];
        var service = new SitingService(real.Store, library.Rules, library.PriceStack(2026), library.Scenarios, new DateOnly(2026, 11, 26));
        var denmark = (await service.ResolveAreaAsync("denmark", CancellationToken.None)).Value;
        var (raster, inputs, label) = await service.RasterAsync(profile, denmark, 100);

        // What a new user saw: among the ten best cells, neighbours of one another.
        var cells = await service.RankedAsync(raster, inputs, label, 10, 0);
        var best = cells.Ranked.Select(s => s.Candidate.Position).ToList();
        Assert.Contains(best, a => best.Any(b => b != a && a.Distance(b) <= 100 * Math.Sqrt(2) + 1e-6));

        var places = await service.RankedAsync(raster, inputs, label, 10, 0, DistinctSiteRule.Default);
        var ranked = places.Ranked.ToList();
        Assert.Equal(10, ranked.Count);
        Assert.Equal(Enumerable.Range(1, 10), ranked.Select(s => s.Rank!.Value));
        // The first place is led by the best cell of all, and the places come best first.
        Assert.Equal(cells.Ranked.First().Candidate.Id, ranked[0].Candidate.Id);
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        for (var i = 0; i < ranked.Count; i++)
        {
            var place = ranked[i].Place!;
            // Each place: its best cell inside its outline, its area that of its cells, its why.
            Assert.Equal(ranked[i].Candidate.Id, place.BestCell);
            Assert.True(place.Outline.Covers(ranked[i].Candidate.Position));
            Assert.Equal(place.Cells * 100.0 * 100.0, place.Outline.Area, 1e-3 * place.Cells);
            Assert.Equal(i == 0 ? "siting.place" : "siting.place-apart", place.Why.Code);
            Assert.NotEmpty(ranked[i].Values);
            Assert.All(ranked[i].Values, v => Assert.False(string.IsNullOrEmpty(v.Why.Text)));
            for (var j = i + 1; j < ranked.Count; j++)
            {
                // Ten different places: best cells at least the default separation apart, no two sharing a cell.
                Assert.True(ranked[i].Candidate.Position.Distance(ranked[j].Candidate.Position) >= DistinctSiteRule.DefaultSeparationM,
                    $"places {i + 1} and {j + 1} are closer than {DistinctSiteRule.DefaultSeparationM} m");
                Assert.True(place.Outline.Intersection(ranked[j].Place!.Outline).Area < 1e-6, $"places {i + 1} and {j + 1} overlap");
            }
        }
    }
}
