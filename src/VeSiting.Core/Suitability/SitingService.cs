using VeSiting.Core.Suitability.Places;

namespace VeSiting.Core.Suitability;

/// <summary>An area to site in: its polygons and how answers name it.</summary>
/// <summary>The area a siting question covers and its label (a municipality's or region's name as data, or Denmark in words).</summary>
public sealed record SitingArea(IReadOnlyList<Geometry> Areas, Reason Label);

/// <summary>Resolves an area ("denmark", "municipality:0461", "region:1082"), gathers the inputs from the store, and runs the engine.</summary>
public sealed class SitingService(ISpatialStore store, RuleBook rules, PriceStack prices, IReadOnlyDictionary<string, TariffScenario> scenarios, DateOnly today)
{
    /// <summary>Danmarks Statistik's landsdele, for regional figures given by landsdel (none: such figures match no site).</summary>
    public IReadOnlyList<Landsdel> Landsdele { get; init; } = [];

    /// <summary>The area a question names, or why it names none (field <c>area</c>: not a known form, or no such code).</summary>
    public async Task<Outcome<SitingArea>> ResolveAreaAsync(string area, CancellationToken cancellationToken)
    {
        var text = area.Trim().ToLowerInvariant();
        if (text is "denmark" or "dk" or "danmark")
            return new SitingArea((await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken)).Select(a => a.Geometry).ToList(), Reason.Of("siting.area-denmark"));
        var parts = text.Split(':', 2);
        AdminAreaKind? kind = parts[0] switch
        {
            "municipality" or "kommune" => AdminAreaKind.Municipality,
            "region" => AdminAreaKind.Region,
            _ => null,
        };
        if (kind is null)
            return Refusal.Invalid("area", Reason.Of("area.not-area", ("value", $"'{area}'")));
        if (parts.Length < 2)
            return Refusal.Invalid("area", Reason.Of("area.no-code", ("value", $"'{area}'")));
        var code = parts[1].Trim();
        var found = (await store.ListAreasAsync(kind.Value, cancellationToken))
            .FirstOrDefault(a => a.Code == code || (int.TryParse(code, out var n) && a.NumericCode == n));
        return found is null
            ? Refusal.NotFound("area", Reason.Of("area.not-found-" + kind.Value.ToString().ToLowerInvariant(), ("value", $"'{code}'")))
            : new SitingArea([found.Geometry], Reason.Plain($"{found.Name} ({found.Code})"));
    }

    /// <summary>Why the profile cannot run with these rules (field <c>profile</c>), or null.</summary>
    public Refusal? Check(SitingProfile profile) => scenarios.ContainsKey(profile.Scenario) ? null
        : Refusal.Invalid("profile", Reason.Of("siting.unknown-scenario", ("profile", profile.Id), ("scenario", $"'{profile.Scenario}'"), ("known", string.Join(", ", scenarios.Keys.Order()))));

    /// <summary>
    /// Scores a grid of <paramref name="cellSizeM"/> over the area, or the user's candidates within it when given. A grid with a
    /// <paramref name="distinct"/> rule lists places (the best <paramref name="places"/> of them) instead of cells.
    /// </summary>
    public async Task<SitingResult> RunAsync(SitingProfile profile, SitingArea area, double cellSizeM, IReadOnlyList<Candidate>? candidates = null,
        IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional = null,
        IReadOnlyList<Plant>? planned = null, Action<int>? started = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default,
        DistinctSiteRule? distinct = null, int places = 100)
    {
        var (areas, label) = area;
        // The per-cell engine reads dwellings through the store: the national address list is not gathered for it.
        var inputs = await InputsAsync(profile, layers, regional, planned, dwellings: false, cancellationToken);
        var engine = new SitingEngine(store, inputs, profile);
        var sites = candidates ?? CandidateGrid.Over(areas, cellSizeM);
        started?.Invoke(sites.Count);
        var result = await engine.RunAsync(profile, sites, candidates is null ? label : Reason.Of("siting.supplied-sites", ("count", candidates.Count)), candidates is null ? cellSizeM : null, progress, cancellationToken);
        return candidates is null && distinct is not null ? PlacesOfCells.Group(result, areas, cellSizeM, distinct, places, cancellationToken) : result;
    }

    /// <summary>The profile over the area's grid as a raster (every cell, every criterion), with the inputs it read and the area's label.</summary>
    public async Task<(Raster.SuitabilityRaster Raster, SitingInputs Inputs, Reason Label)> RasterAsync(SitingProfile profile, SitingArea area, double cellSizeM,
        IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional = null,
        IReadOnlyList<Plant>? planned = null, CancellationToken cancellationToken = default)
    {
        var (areas, label) = area;
        var inputs = await InputsAsync(profile, layers, regional, planned, cancellationToken);
        return (new Raster.RasterSitingEngine(inputs).Run(profile, areas, cellSizeM, cancellationToken), inputs, label);
    }

    public Task<SitingInputs> InputsAsync(SitingProfile profile, IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional, IReadOnlyList<Plant>? planned, CancellationToken cancellationToken) =>
        InputsAsync(profile, layers, regional, planned, dwellings: true, cancellationToken);

    /// <summary>A raster's explained cells, read exactly through the store by the per-cell engine.</summary>
    public Task<SitingResult> RankedAsync(Raster.SuitabilityRaster raster, SitingInputs inputs, Reason label, int top, int excluded,
        DistinctSiteRule? distinct = null, CancellationToken cancellationToken = default) =>
        Raster.RasterRanking.ResultAsync(store, raster, inputs, label, top, excluded, distinct, cancellationToken);

    private async Task<SitingInputs> InputsAsync(SitingProfile profile, IReadOnlyDictionary<string, IReadOnlyList<LayerPoint>>? layers,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? regional, IReadOnlyList<Plant>? planned, bool dwellings, CancellationToken cancellationToken)
    {
        var scenario = scenarios.TryGetValue(profile.Scenario, out var s) ? s
            : throw new ArgumentException(Check(profile)!.Reason);
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var land = municipalities.Count == 0 ? null : municipalities[0].Geometry.Factory.BuildGeometry(municipalities.Select(m => m.Geometry.Envelope));
        return new SitingInputs
        {
            Plants = await store.ListPlantsAsync(SitingEngine.Current, cancellationToken),
            DistrictHeating = await store.ListDistrictHeatingAsync(cancellationToken),
            Dwellings = land is null || !dwellings ? [] : await store.AddressesInAsync(land.Envelope, cancellationToken),
            Municipalities = municipalities,
            Regions = await store.ListAreasAsync(AdminAreaKind.Region, cancellationToken),
            Population = await store.ListPopulationAsync(cancellationToken),
            Rules = rules,
            Prices = prices,
            Scenario = scenario,
            Today = today,
            PointLayers = (layers ?? new Dictionary<string, IReadOnlyList<LayerPoint>>()).ToDictionary(l => l.Key, l => (IReadOnlyList<Point>)l.Value.Select(p => p.Point).ToList()),
            // A layer whose points carry values (tonnes_per_year or value) also serves the weighted criteria (oxygen-demand).
            WeightedLayers = (layers ?? new Dictionary<string, IReadOnlyList<LayerPoint>>()).Where(l => l.Value.Any(p => p.Value is not null))
                .ToDictionary(l => l.Key, l => (IReadOnlyList<(Point Point, double Value)>)l.Value.Where(p => p.Value is not null).Select(p => (p.Point, p.Value!.Value)).ToList()),
            // A layer whose features are polygons also serves the area criteria (farmland).
            PolygonLayers = (layers ?? new Dictionary<string, IReadOnlyList<LayerPoint>>()).Where(l => l.Value.Count > 0 && l.Value.All(p => p.Shape is Polygon or MultiPolygon))
                .ToDictionary(l => l.Key, l => (IReadOnlyList<Geometry>)l.Value.Select(p => p.Shape!).ToList()),
            RegionalFigures = regional ?? new Dictionary<string, IReadOnlyDictionary<string, double>>(),
            Landsdele = Landsdele,
            PlannedTurbines = planned ?? [],
            Attributions = store.Attributions,
            DataVersion = store.Version.Id,
        };
    }
}
