namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// Dwellings coloured by the shadow flicker they get from the turbines in operation this year: none, expected hours
/// within the planning guidance's recommendation, or over it (the limit's value comes from the rules in force).
/// Two store queries per tile (the addresses, the turbines within reach), then the calculation per dwelling.
/// </summary>
public sealed class ShadowFlickerTiles(ServiceData data) : ITileSource
{
    public TileLayer Layer { get; } = new("shadow-flicker", "Shadow flicker (estimate)",
        "Dwellings by the expected shadow flicker (hours a year) from the turbines in operation, this calendar year. An estimate; the limit is the planning guidance's recommendation, not law.",
        12, 20, TileLayer.Points, ["scenario"], "band",
        [VectorLayerSchema.Of("shadow-flicker", ("id", TileFieldType.String), ("label", TileFieldType.String), ("band", TileFieldType.String), ("worst_case_h", TileFieldType.Number), ("expected_h", TileFieldType.Number), ("days", TileFieldType.Integer))],
        [new("none", "#bdbdbd", "no flicker"), new("within", "#fdae6b", "within the recommended limit"), new("over", "#d94801", "over the recommended limit")]);

    /// <summary>Legend labels with the limit of the rules in force.</summary>
    public TileLayer Describe(ServiceData data)
    {
        var limit = new ShadowFlickerAssessor(data.Context()).CalculatorInForce().Calculator.Conventions.MaxExpectedHoursPerYear;
        var legend = Layer.Legend.Select(l => l.Value switch
        {
            "within" => l with { Label = Reason.Of("legend.shadow-flicker.within-limit", ("limit", limit)).Rendered },
            "over" => l with { Label = Reason.Of("legend.shadow-flicker.over-limit", ("limit", limit)).Rendered },
            _ => l,
        }).ToList();
        return Layer with { Legend = legend };
    }

    /// <summary>A published rule set or a new year changes the hours.</summary>
    public string Edition(ServiceData data) => $"{data.RulesFingerprint}-{data.Today.Year}";

    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var addresses = (await data.Store.AddressesInAsync(request.Utm32Area, cancellationToken)).Take(request.MaxFeatures).ToList();
        if (addresses.Count == 0)
            return [];
        var assessor = new ShadowFlickerAssessor(data.Context());
        var reach = await assessor.ReachAsync(cancellationToken);
        var plants = reach > 0
            ? (await data.Store.PlantsWithinAsync(request.Utm32Area, reach, ShadowFlickerAssessor.OperatingTurbines, cancellationToken)).Select(p => p.Plant).ToList()
            : [];
        var turbines = ShadowFlickerAssessor.Computable(plants);
        var (calculator, _) = assessor.CalculatorInForce();
        var year = data.Today.Year;
        var list = new List<TileFeature>(addresses.Count);
        foreach (var a in addresses)
        {
            var flicker = turbines.Count == 0 ? DwellingFlicker.None(a.Id, year) : calculator.ForDwelling(new FlickerReceptor(a.Id, a.Position.X, a.Position.Y), turbines, year);
            var band = flicker.WorstCaseMinutes == 0 ? "none" : flicker.ExpectedHours > calculator.Conventions.MaxExpectedHoursPerYear ? "over" : "within";
            list.Add(new("shadow-flicker", a.Position, TileAttributes.Of(("id", a.Id), ("label", a.Label), ("band", band),
                ("worst_case_h", Math.Round(flicker.WorstCaseHours, 1)), ("expected_h", Math.Round(flicker.ExpectedHours, 1)), ("days", flicker.Days))));
        }
        return list;
    }
}
