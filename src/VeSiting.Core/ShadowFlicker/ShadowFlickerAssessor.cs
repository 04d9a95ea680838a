using System.Collections.Concurrent;
using VeSiting.Core.Assessments;

namespace VeSiting.Core.ShadowFlicker;

/// <summary>
/// Shadow flicker for the answers: a project's turbines (planned or registered) at every dwelling within their
/// reach, the turbines in operation around one home, and a municipality's dwellings from the turbines in operation.
/// The rule set is the <c>shadow-flicker</c> one in force today; the year is the calendar year computed.
/// </summary>
public sealed class ShadowFlickerAssessor(AssessmentContext context)
{
    private static readonly ConcurrentDictionary<string, double> LargestRotorByDataVersion = new();

    /// <summary>Turbines that flicker: wind turbines, operating or planned.</summary>
    public static PlantFilter TurbineFilter { get; } = new()
    {
        Kinds = new HashSet<PlantKind> { PlantKind.WindTurbine },
        Statuses = new HashSet<PlantStatus> { PlantStatus.Operating, PlantStatus.Planned },
    };

    public static PlantFilter OperatingTurbines { get; } = TurbineFilter with { Statuses = new HashSet<PlantStatus> { PlantStatus.Operating } };

    /// <summary>The given plants' flicker at every dwelling within the maximum distance of one of them.</summary>
    public async Task<ShadowFlickerPart> ForPlantsAsync(IReadOnlyList<Plant> plants, int year, CancellationToken cancellationToken = default)
    {
        var (calculator, provenance) = Calculator();
        var (turbines, notAssessed) = TurbinesOf(plants);
        var dwellings = new List<FlickerHome>();
        if (turbines.Count > 0)
        {
            var reach = turbines.Max(t => calculator.Conventions.MaxDistance(t.RotorDiameter));
            var search = Points(turbines);
            var sites = await context.Store.SitesWithinAsync(search, reach, cancellationToken);
            dwellings.AddRange(sites.Addresses.Select(a => FlickerHome.Of(a.Address)).Where(a => WithinReach(a.Position, turbines, calculator.Conventions)));
        }
        return Part(calculator, provenance, year, dwellings, turbines, notAssessed);
    }

    /// <summary>The flicker one home gets from the turbines in operation (and planned, if <paramref name="withPlanned"/>) around it.</summary>
    public async Task<ShadowFlickerPart> ForHomeAsync(FlickerHome home, int year, bool withPlanned = false, CancellationToken cancellationToken = default)
    {
        var plants = await TurbinesAroundAsync(home.Position, withPlanned ? TurbineFilter : OperatingTurbines, cancellationToken);
        var (calculator, provenance) = Calculator();
        var (turbines, notAssessed) = TurbinesOf(plants);
        return Part(calculator, provenance, year, [home], turbines, notAssessed);
    }

    /// <summary>One dwelling's calendar: every spell of flicker with its date and Danish clock times.</summary>
    public async Task<(ShadowFlickerPart Part, IReadOnlyList<FlickerSpell> Calendar)> CalendarAsync(FlickerHome home, int year, IReadOnlyList<Plant>? layout = null,
        CancellationToken cancellationToken = default)
    {
        var plants = layout ?? await TurbinesAroundAsync(home.Position, OperatingTurbines, cancellationToken);
        var (calculator, provenance) = Calculator();
        var (turbines, notAssessed) = TurbinesOf(plants);
        var (flicker, calendar) = calculator.Calendar(Receptor(home), turbines, year);
        var part = new ShadowFlickerPart(year, calculator.Conventions.MaxExpectedHoursPerYear, [Dwelling(home, flicker, calculator.Conventions)], turbines, notAssessed, provenance);
        return (part, calendar);
    }

    /// <summary>A municipality's dwellings and the flicker they get from the turbines in operation (inside it or near enough).</summary>
    public async Task<ShadowFlickerPart> ForMunicipalityAsync(AdminArea area, int year, CancellationToken cancellationToken = default)
    {
        var (calculator, provenance) = Calculator();
        var largest = await LargestRotorAsync(cancellationToken);
        var near = largest > 0
            ? await context.Store.PlantsWithinAsync(area.Geometry, calculator.Conventions.MaxDistance(largest), OperatingTurbines, cancellationToken)
            : [];
        var (turbines, notAssessed) = TurbinesOf(near.Select(p => p.Plant).ToList());
        turbines = turbines.Where(t => area.Geometry.Distance(new Point(t.Easting, t.Northing)) <= calculator.Conventions.MaxDistance(t.RotorDiameter)).ToList();
        var dwellings = new List<FlickerHome>();
        if (turbines.Count > 0)
        {
            var reach = turbines.Max(t => calculator.Conventions.MaxDistance(t.RotorDiameter));
            var sites = await context.Store.SitesWithinAsync(Points(turbines), reach, cancellationToken);
            var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area.Geometry);
            dwellings.AddRange(sites.Addresses.Select(a => FlickerHome.Of(a.Address))
                .Where(a => prepared.Covers(a.Position) && WithinReach(a.Position, turbines, calculator.Conventions)));
        }
        return Part(calculator, provenance, year, dwellings, turbines, notAssessed);
    }

    private ShadowFlickerPart Part(ShadowFlickerCalculator calculator, Provenance provenance, int year, IReadOnlyList<FlickerHome> dwellings,
        IReadOnlyList<FlickerTurbine> turbines, IReadOnlyList<Reason> notAssessed)
    {
        var rows = dwellings.Select(a => (Home: a, Flicker: turbines.Count == 0 ? DwellingFlicker.None(a.Id, year) : calculator.ForDwelling(Receptor(a), turbines, year)))
            .Select(r => Dwelling(r.Home, r.Flicker, calculator.Conventions))
            .OrderByDescending(d => d.Flicker.ExpectedHours).ThenBy(d => d.Home.Id, StringComparer.Ordinal).ToList();
        return new ShadowFlickerPart(year, calculator.Conventions.MaxExpectedHoursPerYear, rows, turbines, notAssessed, provenance);
    }

    private static DwellingShadowFlicker Dwelling(FlickerHome home, DwellingFlicker flicker, ShadowFlickerConventions conventions)
    {
        var over = flicker.ExpectedHours > conventions.MaxExpectedHoursPerYear;
        var why = Reason.Of(over ? "flicker.over-limit" : "flicker.within-limit",
            ("expected", Math.Round(flicker.ExpectedHours, 1)), ("limit", conventions.MaxExpectedHoursPerYear), ("worst", Math.Round(flicker.WorstCaseHours, 1)),
            ("days", flicker.Days), ("maxMinutes", flicker.MaxMinutesPerDay));
        return new DwellingShadowFlicker(home, flicker, over, why);
    }

    private (ShadowFlickerCalculator Calculator, Provenance Provenance) Calculator()
    {
        var provenance = new Provenance();
        var set = context.Rules.Require(Schemes.ShadowFlicker, context.Today);
        var conventions = ShadowFlickerConventions.From(set, provenance);
        provenance.Assume(Explanations.Reason.Of("assume.flicker-model"));
        return (new ShadowFlickerCalculator(conventions), provenance);
    }

    private static (List<FlickerTurbine> Turbines, List<Reason> NotAssessed) TurbinesOf(IReadOnlyList<Plant> plants)
    {
        var turbines = new List<FlickerTurbine>();
        var notAssessed = new List<Reason>();
        foreach (var plant in plants.Where(p => p.Kind == PlantKind.WindTurbine))
        {
            if (plant.HubHeightM is not { } hub || plant.RotorDiameterM is not { } rotor || hub <= 0 || rotor <= 0)
            {
                notAssessed.Add(Reason.Of("flicker.turbine-size-unknown", ("turbine", plant.Id)));
                continue;
            }
            var centre = plant.Geometry.Centroid;
            turbines.Add(new FlickerTurbine(plant.Id, centre.X, centre.Y, hub, rotor));
        }
        return (turbines, notAssessed);
    }

    private async Task<IReadOnlyList<Plant>> TurbinesAroundAsync(Point home, PlantFilter filter, CancellationToken cancellationToken)
    {
        var largest = await LargestRotorAsync(cancellationToken);
        if (largest <= 0)
            return [];
        var (calculator, _) = Calculator();
        var near = await context.Store.PlantsWithinAsync(home, calculator.Conventions.MaxDistance(largest), filter, cancellationToken);
        return near.Select(p => p.Plant).ToList();
    }

    /// <summary>The calculator of the rules in force today (tiles use it directly), with the provenance it records into.</summary>
    public (ShadowFlickerCalculator Calculator, Provenance Provenance) CalculatorInForce() => Calculator();

    /// <summary>How far any turbine in the data can cast flicker: the maximum distance of the largest rotor.</summary>
    public async Task<double> ReachAsync(CancellationToken cancellationToken = default)
    {
        var largest = await LargestRotorAsync(cancellationToken);
        return largest <= 0 ? 0 : Calculator().Calculator.Conventions.MaxDistance(largest);
    }

    /// <summary>The turbines of the given plants that can be computed (hub height and rotor diameter known).</summary>
    public static IReadOnlyList<FlickerTurbine> Computable(IReadOnlyList<Plant> plants) => TurbinesOf(plants).Turbines;

    /// <summary>The largest rotor of any turbine in the data: bounds the search for turbines that can reach a place.</summary>
    private async Task<double> LargestRotorAsync(CancellationToken cancellationToken)
    {
        var version = context.Store.Version.Id;
        if (LargestRotorByDataVersion.TryGetValue(version, out var cached))
            return cached;
        var all = await context.Store.ListPlantsAsync(TurbineFilter, cancellationToken);
        var largest = all.Select(p => p.RotorDiameterM ?? 0).DefaultIfEmpty(0).Max();
        LargestRotorByDataVersion[version] = largest;
        return largest;
    }

    private static bool WithinReach(Point position, IReadOnlyList<FlickerTurbine> turbines, ShadowFlickerConventions conventions) =>
        turbines.Any(t => Math.Sqrt((t.Easting - position.X) * (t.Easting - position.X) + (t.Northing - position.Y) * (t.Northing - position.Y)) <= conventions.MaxDistance(t.RotorDiameter));

    private static FlickerReceptor Receptor(FlickerHome home) => new(home.Id, home.Position.X, home.Position.Y);

    private static Geometry Points(IReadOnlyList<FlickerTurbine> turbines)
    {
        var factory = Spatial.GeometryTransforms.FactoryFor(Spatial.Epsg.Utm32);
        return turbines.Count == 1
            ? factory.CreatePoint(new Coordinate(turbines[0].Easting, turbines[0].Northing))
            : factory.CreateMultiPointFromCoords([.. turbines.Select(t => new Coordinate(t.Easting, t.Northing))]);
    }
}
