using System.Runtime.CompilerServices;

namespace VeSiting.Core.Suitability;

/// <summary>Everything a siting run reads, gathered once: the engine then needs no store.</summary>
public sealed record SitingInputs
{
    public required IReadOnlyList<Plant> Plants { get; init; }
    public required IReadOnlyList<DistrictHeatingPlant> DistrictHeating { get; init; }
    public required IReadOnlyList<Address> Dwellings { get; init; }
    public required IReadOnlyList<AdminArea> Municipalities { get; init; }
    public required IReadOnlyList<AdminArea> Regions { get; init; }
    public required IReadOnlyList<MunicipalityPopulation> Population { get; init; }
    public required RuleBook Rules { get; init; }
    public required PriceStack Prices { get; init; }
    public required TariffScenario Scenario { get; init; }
    public required DateOnly Today { get; init; }
    /// <summary>User point layers by name (EPSG:25832).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Point>> PointLayers { get; init; } = new Dictionary<string, IReadOnlyList<Point>>();
    /// <summary>User point layers whose points carry a value (e.g. tonnes of O₂ a year), by name (EPSG:25832).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(Point Point, double Value)>> WeightedLayers { get; init; } = new Dictionary<string, IReadOnlyList<(Point Point, double Value)>>();
    /// <summary>User polygon layers by name (EPSG:25832), e.g. field blocks for the farmland share.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Geometry>> PolygonLayers { get; init; } = new Dictionary<string, IReadOnlyList<Geometry>>();
    /// <summary>User figures by table name, then municipality code ("0101"), landsdel code ("DK011") or region code ("1084").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> RegionalFigures { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, double>>();
    /// <summary>Danmarks Statistik's landsdele (which municipalities each groups), for figures given by landsdel.</summary>
    public IReadOnlyList<Landsdel> Landsdele { get; init; } = [];
    /// <summary>Planned turbines whose minimum-distance rings exclude sites (besides the registered ones).</summary>
    public IReadOnlyList<Plant> PlannedTurbines { get; init; } = [];
    public IReadOnlyList<string> Attributions { get; init; } = [];
    public string DataVersion { get; init; } = "";

    private static readonly object Covered = new(), NotCovered = new();
    /// <summary>Decisions by plant instance, held only while the plant is (a store on PostGIS returns new instances for every read).</summary>
    private ConditionalWeakTable<Plant, object>? _covered;
    private SchemeDistanceBook? _book;

    /// <summary>
    /// Turbines and solar the schemes cover (plant-eligibility rules of each plant's permit period, decided once per plant),
    /// operating or planned; wind farms outside the register count as wind. Both siting engines read coverage here, the
    /// per-cell one on the plants its store returns.
    /// </summary>
    public bool IsCoveredRenewable(Plant plant) => plant.Kind switch
    {
        PlantKind.WindTurbine or PlantKind.SolarPark => LazyInitializer.EnsureInitialized(ref _covered, () => new ConditionalWeakTable<Plant, object>())
            .GetValue(plant, p => LazyInitializer.EnsureInitialized(ref _book, () => new SchemeDistanceBook(Rules, Today)).IsCovered(p) ? Covered : NotCovered) == Covered,
        PlantKind.WindFarm => plant.Status is PlantStatus.Operating or PlantStatus.Planned,
        _ => false,
    };
}
