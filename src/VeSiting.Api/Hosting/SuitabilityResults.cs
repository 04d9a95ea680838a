using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NetTopologySuite.Index.Strtree;
using VeSiting.Api.Hosting.HeavyWork;
using VeSiting.Core.Suitability;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Api.Hosting;

/// <summary>A siting result with a spatial index of its sites, for tiles.</summary>
public sealed record IndexedSitingResult(SitingResult Result, STRtree<RankedSite> Index);

/// <summary>Profiles, and siting results of built-in profiles cached by data version, profile, area and cell size (tiles ask often).</summary>
public sealed class SuitabilityResults(ServiceData data, IOptions<VeSitingOptions> options, HeavyWorkQueue heavyWork)
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<string, IndexedSitingResult> _results = new();
    private readonly Lazy<SitingProfileLoader> _loader = new(() => new SitingProfileLoader(Path.Combine(ProjectLayout.Locate().Root, "geodata")));

    public SitingProfileLoader Loader => _loader.Value;

    public IReadOnlyDictionary<string, SitingProfile> Profiles => Loader.LoadAll(options.Value.ProfileFolders);

    public SitingProfile Profile(string id) => Profiles.TryGetValue(id, out var p) ? p
        : throw new ProblemException("profile", $"'{id}' is not one of {string.Join(", ", Profiles.Keys.Order())}", StatusCodes.Status404NotFound);

    public Task<IndexedSitingResult> GetAsync(string profileId, string area, double cell, CancellationToken cancellationToken)
    {
        if (cell is < 250 or > 50_000)
            throw new ProblemException("cell", $"{cell} m is not between 250 and 50000");
        var profile = Profile(profileId);
        var key = $"{data.Store.Version.Id}|{profile.Ref}|{area.Trim().ToLowerInvariant()}|{cell}";
        return _results.TryGetValue(key, out var done) ? Task.FromResult(done) : ComputeAsync(key, profile, area, cell, cancellationToken);
    }

    /// <summary>Under the heavy-work budget, shared by everyone asking for the same result; cancelled when all of them go.</summary>
    private async Task<IndexedSitingResult> ComputeAsync(string key, SitingProfile profile, string area, double cell, CancellationToken cancellationToken)
    {
        var result = await heavyWork.RunAsync($"siting|{key}", timeLimited: true, token => RunAsync(profile, area, cell, null, null, null, token), cancellationToken);
        if (_results.Count >= Capacity)
            _results.Clear();
        _results[key] = result;
        return result;
    }

    public async Task<IndexedSitingResult> RunAsync(SitingProfile profile, string area, double cell, IReadOnlyList<Candidate>? candidates,
        IReadOnlyDictionary<string, IReadOnlyList<NetTopologySuite.Geometries.Point>>? layers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional,
        CancellationToken cancellationToken)
    {
        var context = data.Context();
        var service = new SitingService(data.Store, data.Rules.Rules, context.Prices, data.Rules.Scenarios, context.Today);
        SitingResult result;
        try
        {
            result = await service.RunAsync(profile, area, cell, candidates, layers, regional, cancellationToken: cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            throw new ProblemException("area", e.Message, StatusCodes.Status404NotFound);
        }
        catch (ArgumentException e)
        {
            throw new ProblemException(e.Message.Contains("area", StringComparison.Ordinal) ? "area" : "profile", e.Message);
        }
        var index = new STRtree<RankedSite>();
        foreach (var site in result.Sites)
            index.Insert((site.Candidate.Area ?? site.Candidate.Position).EnvelopeInternal, site);
        index.Build();
        return new IndexedSitingResult(result, index);
    }
}
