using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Raster;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Api.Hosting;

/// <summary>A profile computed over an area's grid as a raster, with the inputs that explain its sites.</summary>
public sealed record SuitabilityRun(SuitabilityRaster Raster, SitingInputs Inputs, Reason Label);

/// <summary>
/// Profiles, and siting rasters of built-in profiles cached by data version, profile (id, version and hash), area and
/// cell size: /api/sites and the suitability tiles read the same raster. Rasters are computed under the heavy-work
/// budget, shared by everyone asking for the same one, and cancelled when all of them go.
/// </summary>
public sealed class SuitabilityResults(ServiceData data, IOptions<VeSitingOptions> options, HeavyWorkQueue heavyWork)
{
    private readonly ByteBoundedCache<SuitabilityRun> _rasters = new(Math.Max(0, options.Value.SitingCacheMegabytes) * 1024L * 1024);
    private readonly Lazy<SitingProfileLoader> _loader = new(() => new SitingProfileLoader(Path.Combine(ProjectLayout.Locate().Root, "geodata")));

    private readonly Lazy<IReadOnlyList<Landsdel>> _landsdele = new(() => LandsdelReference.Load(Path.Combine(ProjectLayout.Locate().Root, "geodata")));

    public SitingProfileLoader Loader => _loader.Value;

    /// <summary>The cached rasters, bounded by <see cref="VeSitingOptions.SitingCacheMegabytes"/> (reported in /metrics).</summary>
    public ByteBoundedCache<SuitabilityRun> Cache => _rasters;

    public IReadOnlyDictionary<string, SitingProfile> Profiles => Loader.LoadAll(options.Value.ProfileFolders);

    public SitingProfile Profile(string id) => Profiles.TryGetValue(id, out var p) ? p
        : throw RefusalProblems.NotFound("profile", Reason.Of("question.not-one-of", ("value", $"'{id}'"), ("choices", string.Join(", ", Profiles.Keys.Order()))));

    public static void CheckCell(double cell)
    {
        if (SitingGridQuestion.CellProblem(cell) is { } reason)
            throw RefusalProblems.Invalid("cell", reason);
    }

    /// <summary>The cached raster of a profile (built-in by id, or a posted one by its hash) over an area.</summary>
    public Task<SuitabilityRun> GetAsync(string profileId, string area, double cell, CancellationToken cancellationToken) =>
        GetAsync(Profile(profileId), area, cell, cancellationToken);

    public async Task<SuitabilityRun> GetAsync(SitingProfile profile, string area, double cell, CancellationToken cancellationToken)
    {
        CheckCell(cell);
        var key = $"{data.Store.Version.Id}|{profile.Ref}|{area.Trim().ToLowerInvariant()}|{cell}";
        if (_rasters.TryGet(key, out var done))
            return done;
        var run = await heavyWork.RunAsync($"siting|{key}", timeLimited: true, token => RasterAsync(profile, area, cell, null, null, token), cancellationToken);
        _rasters.Set(key, run, SuitabilityRunSize.Bytes(run));
        return run;
    }

    /// <summary>A raster with the caller's own layers (not cached), cancelled with the request.</summary>
    public async Task<SuitabilityRun> RasterAsync(SitingProfile profile, string area, double cell,
        IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional,
        CancellationToken cancellationToken)
    {
        CheckCell(cell);
        var service = Service();
        var where = await ResolveAsync(service, profile, area, cancellationToken);
        var (raster, inputs, label) = await ProfileGuarded(() => service.RasterAsync(profile, where, cell, layers, regional, cancellationToken: cancellationToken));
        return new SuitabilityRun(raster, inputs, label);
    }

    /// <summary>The user's own candidate sites, scored one by one.</summary>
    public async Task<SitingResult> CandidatesAsync(SitingProfile profile, string area, IReadOnlyList<Candidate> candidates,
        IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional,
        CancellationToken cancellationToken)
    {
        var service = Service();
        var where = await ResolveAsync(service, profile, area, cancellationToken);
        return await ProfileGuarded(() => service.RunAsync(profile, where, 1000, candidates, layers, regional, cancellationToken: cancellationToken));
    }

    /// <summary>The best <paramref name="top"/> places (or cells, without a rule) of a run and the first <paramref name="excluded"/> excluded ones, each explained through this request's store.</summary>
    public Task<SitingResult> RankedAsync(SuitabilityRun run, int top, int excluded, Core.Suitability.Places.DistinctSiteRule? distinct, CancellationToken cancellationToken) =>
        RasterRanking.ResultAsync(data.Store, run.Raster, run.Inputs, run.Label, top, excluded, distinct, cancellationToken);

    private SitingService Service()
    {
        var context = data.Context();
        return new SitingService(data.Store, data.Rules.Rules, context.Prices, data.Rules.Scenarios, context.Today) { Landsdele = _landsdele.Value };
    }

    /// <summary>The area, after the profile is checked against the rules; a refusal of either becomes its problem.</summary>
    private static async Task<SitingArea> ResolveAsync(SitingService service, SitingProfile profile, string area, CancellationToken cancellationToken)
    {
        if (service.Check(profile) is { } refused)
            throw RefusalProblems.Exception(refused);
        return (await service.ResolveAreaAsync(area, cancellationToken)).OrProblem();
    }

    /// <summary>What remains refused while running is the profile's criteria against the layers supplied.</summary>
    private static async Task<T> ProfileGuarded<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (ArgumentException e)
        {
            throw new ProblemException("profile", e.Message);
        }
    }
}
