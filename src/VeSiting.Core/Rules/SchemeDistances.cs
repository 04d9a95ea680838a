using System.Collections.Concurrent;

namespace VeSiting.Core.Rules;

/// <summary>
/// One band of the schemes around a plant, from the rules in force for its permit date: wind bands in multiples of H
/// (inner bound exclusive except at 0), solar bands in metres. <see cref="Id"/> names the scheme whose limit is the
/// band's outer edge (minimum-distance, sales-option, ve-bonus; solar for the bands around solar).
/// </summary>
public sealed record SchemeBand(string Id, string Label, double Inner, double Outer, bool MultipleOfH)
{
    /// <summary>A band whose label is data (<see cref="Because"/>); <see cref="Label"/> is its English text.</summary>
    public SchemeBand(string id, Reason because, double inner, double outer, bool multipleOfH) : this(id, because.Text, inner, outer, multipleOfH) => Because = because;

    /// <summary>The label as a code and values.</summary>
    public Reason Because { get; init; } = Reason.Plain(Label);
}

/// <summary>
/// The distances the rule sets in force for one permit date draw around plants: the minimum distance, the sales
/// option, the VE-bonus and the loss-of-value fee limit for wind (multiples of H) and solar (metres), and what a plant
/// must be to be covered at all. Every surface that draws or counts rings (tiles, classification, municipality
/// counts, project answers, siting exclusions, legends) reads them from here, never from constants.
/// </summary>
public sealed record SchemeDistances
{
    public required DateOnly PermitDate { get; init; }
    public double? MinimumDistanceK { get; init; }
    public double? SalesOptionFromK { get; init; }
    public double? SalesOptionToK { get; init; }
    public double? VeBonusK { get; init; }
    public double? FeeBeyondK { get; init; }
    public double? SolarMinimumM { get; init; }
    public double? SolarSalesOptionM { get; init; }
    public double? SolarVeBonusM { get; init; }
    public double? SolarFeeBeyondM { get; init; }
    public RuleSet? Eligibility { get; init; }
    public IReadOnlyList<RuleSet> RuleSets { get; init; } = [];

    public static SchemeDistances For(RuleBook book, DateOnly permitDate)
    {
        var min = book.Find(Schemes.MinimumDistance, permitDate);
        var sale = book.Find(Schemes.SalesOption, permitDate);
        var bonus = book.Find(Schemes.VeBonus, permitDate);
        var loss = book.Find(Schemes.LossOfValue, permitDate);
        var eligibility = book.Find(Schemes.PlantEligibility, permitDate);
        return new SchemeDistances
        {
            PermitDate = permitDate,
            MinimumDistanceK = min?.Optional("windMultipleOfH")?.Value,
            SalesOptionFromK = sale?.Optional("windFromMultipleOfH")?.Value,
            SalesOptionToK = sale?.Optional("windToMultipleOfH")?.Value,
            VeBonusK = bonus?.Optional("windMultipleOfH")?.Value,
            FeeBeyondK = loss?.Optional("feeBeyondWindMultipleOfH")?.Value,
            SolarMinimumM = min?.Optional("solarMinDistance")?.Value,
            SolarSalesOptionM = sale?.Optional("solarMaxDistance")?.Value,
            SolarVeBonusM = bonus?.Optional("solarMaxDistance")?.Value,
            SolarFeeBeyondM = loss?.Optional("feeBeyondSolarDistance")?.Value,
            Eligibility = eligibility,
            RuleSets = new[] { min, sale, bonus, loss, eligibility }.OfType<RuleSet>().ToList(),
        };
    }

    /// <summary>Wind bands, nearest first: inside the minimum distance, the sales option, the VE-bonus (those in force).</summary>
    public IReadOnlyList<SchemeBand> WindBands => _windBands ??= Bands(
        [(Schemes.MinimumDistance, "band.minimum-distance", MinimumDistanceK), (Schemes.SalesOption, "band.sales-option", SalesOptionToK), (Schemes.VeBonus, "band.ve-bonus", VeBonusK)],
        multipleOfH: true);

    /// <summary>Solar bands, nearest first (usually one: sales option and VE-bonus share their limit).</summary>
    public IReadOnlyList<SchemeBand> SolarBands => _solarBands ??= Bands(
        [("solar", "band.sales-option", SolarSalesOptionM), ("solar", "band.ve-bonus", SolarVeBonusM)], multipleOfH: false);

    /// <summary>The farthest wind band's outer multiple of H (0 when no scheme draws one).</summary>
    public double WindReachK => WindBands.Count == 0 ? 0 : WindBands[^1].Outer;

    /// <summary>The farthest solar band's outer distance in metres (0 when none).</summary>
    public double SolarReachM => SolarBands.Count == 0 ? 0 : SolarBands[^1].Outer;

    /// <summary>How far this plant's scheme bands reach, in metres (0 when none or its height is unknown).</summary>
    public double ReachM(Plant plant) => plant.Kind switch
    {
        PlantKind.SolarPark => SolarReachM,
        PlantKind.WindTurbine when plant.TotalHeightM is { } h => WindReachK * h,
        _ => 0,
    };

    /// <summary>The band a dwelling at <paramref name="distanceM"/> lies in, or null beyond every band.</summary>
    public SchemeBand? BandOf(Plant plant, double distanceM)
    {
        if (plant.Kind == PlantKind.SolarPark)
            return SolarBands.FirstOrDefault(b => distanceM <= b.Outer);
        if (plant.TotalHeightM is not { } h || h <= 0)
            return null;
        var k = distanceM / h;
        return WindBands.FirstOrDefault(b => b.Id == Schemes.MinimumDistance ? k < b.Outer : k <= b.Outer);
    }

    /// <summary>The label of the band (or "beyond …") a dwelling lies in, as classification and counts report it.</summary>
    public string RingLabel(Plant plant, double distanceM) => RingReason(plant, distanceM).Text;

    /// <summary>The band (or "beyond …") a dwelling lies in, as a code and values.</summary>
    public Reason RingReason(Plant plant, double distanceM)
    {
        if (BandOf(plant, distanceM) is { } band)
            return band.Because;
        if ((plant.Kind == PlantKind.SolarPark ? SolarReachM : WindReachK) <= 0)
            return Reason.Of("ring.none");
        return plant.Kind == PlantKind.SolarPark ? Reason.Of("ring.beyond-solar", ("m", SolarReachM)) : Reason.Of("ring.beyond-wind", ("k", WindReachK));
    }

    private IReadOnlyList<SchemeBand>? _windBands;
    private IReadOnlyList<SchemeBand>? _solarBands;

    private static List<SchemeBand> Bands(IEnumerable<(string Id, string Name, double? Limit)> limits, bool multipleOfH)
    {
        var bands = new List<SchemeBand>();
        var inner = 0.0;
        foreach (var group in limits.Where(l => l.Limit is > 0).GroupBy(l => l.Limit!.Value).OrderBy(g => g.Key))
        {
            var outer = group.Key;
            var named = group.Select(g => Reason.Of(g.Name)).Distinct().ToList();
            var names = named.SkipLast(1).Reverse().Aggregate(named[^1], (rest, first) => Reason.Of("general.and", ("first", first), ("rest", rest)));
            var unit = multipleOfH ? "h" : "m";
            var id = group.First().Id;
            var label = id == Schemes.MinimumDistance ? Reason.Of($"band.below-{unit}", ("outer", outer), ("names", names))
                : inner == 0 ? Reason.Of($"band.up-to-{unit}", ("outer", outer), ("names", names))
                : Reason.Of($"band.between-{unit}", ("inner", inner), ("outer", outer), ("names", names));
            bands.Add(new SchemeBand(id, label, inner, outer, multipleOfH));
            inner = outer;
        }
        return bands;
    }

    internal static string F(double v) => NeighbourSchemes.F(v);
}

/// <summary>
/// <see cref="SchemeDistances"/> by permit date, memoised: a national classification asks for thousands of plants
/// whose permit dates fall in a handful of rule periods.
/// </summary>
public sealed class SchemeDistanceBook(RuleBook rules, DateOnly today)
{
    private readonly ConcurrentDictionary<DateOnly, SchemeDistances> _byDate = new();

    public RuleBook Rules => rules;
    public DateOnly Today => today;

    /// <summary>A short hash of every rule set in the book (id, version, file hash): changes whenever a rule set is published.</summary>
    public string Fingerprint { get; } = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rules.All.Select(s => s.Ref.ToString()).Order(StringComparer.Ordinal)))))[..12];

    /// <summary>
    /// Taller than any Danish turbine: Østerild's test stands are permitted up to 330 m total height. Bounds the search
    /// for plants whose rings can reach a site (a physical bound, not a legal number).
    /// </summary>
    public const double MaxTotalHeightM = 330;

    /// <summary>How far any scheme of any rule set reaches: the largest multiple of H × <see cref="MaxTotalHeightM"/>, or the largest solar distance.</summary>
    public double SearchRadiusM { get; } = Math.Max(
        rules.All.SelectMany(s => s.Values.Values).Where(v => v.Unit == "H").Select(v => v.Value).DefaultIfEmpty(0).Max() * MaxTotalHeightM,
        rules.All.SelectMany(s => SolarKeys.Select(k => s.Optional(k)?.Value ?? 0)).DefaultIfEmpty(0).Max());

    private static readonly string[] SolarKeys = ["solarMaxDistance", "feeBeyondSolarDistance", "solarMinDistance"];

    public SchemeDistances For(DateOnly permitDate) => _byDate.GetOrAdd(permitDate, d => SchemeDistances.For(rules, d));

    /// <summary>The distances for a plant's permit period (its assumed permit date where unknown); today's for planned plants without one.</summary>
    public SchemeDistances For(Plant plant) => For(PermitBasis.For(plant, today).Date ?? today);

    /// <summary>Today's rules: what a legend and a planned plant without a permit date use.</summary>
    public SchemeDistances Current => For(today);

    /// <summary>Whether the rules cover the plant (eligibility by the rules of its period, falling back to today's for older plants).</summary>
    public bool IsCovered(Plant plant)
    {
        if (plant.Status is not (PlantStatus.Operating or PlantStatus.Planned))
            return false;
        var distances = For(plant);
        var eligibility = distances.Eligibility ?? Current.Eligibility;
        return eligibility is not null && PlantEligibility.Evaluate(plant, eligibility, new Provenance()).Coverage == Coverage.Covered;
    }
}
