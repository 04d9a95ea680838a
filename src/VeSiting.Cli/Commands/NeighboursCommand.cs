using VeSiting.Core.Explanations;
using VeSiting.Core.Rules;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting neighbours</c>: every address and building within k × H of a registered turbine (by GSRN)
/// or of a planned turbine (position, hub height, rotor diameter), with the innermost ring it falls in.
/// </summary>
public sealed class NeighboursCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<NeighboursCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandOption("--gsrn <GSRN>")]
        [Description("A registered turbine's GSRN (18 digits).")]
        public string? Gsrn { get; init; }

        [CommandOption("--utm <\"E N\">")]
        [Description("Position of a planned turbine in ETRS89 / UTM 32N, e.g. \"638500 6150500\".")]
        public string? Utm { get; init; }

        [CommandOption("--hub <METRES>")]
        [Description("Hub height of the planned turbine.")]
        public double? Hub { get; init; }

        [CommandOption("--rotor <METRES>")]
        [Description("Rotor diameter of the planned turbine.")]
        public double? Rotor { get; init; }

        [CommandOption("--capacity-kw <KW>")]
        [Description("Capacity of the planned turbine (optional).")]
        public double? CapacityKw { get; init; }

        [CommandOption("-k|--multiples <LIST>")]
        [Description("Rings as multiples of total height H, e.g. \"4,6,8\" (default: the scheme rings of the rules in force for the turbine's permit period).")]
        public string? Multiples { get; init; }

        [CommandOption("--rules <FOLDER>")]
        [Description("Extra rule folder(s) whose rule sets win where periods overlap (default: VESITING_RULES).")]
        public string[] RuleFolders { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var multiples = settings.Multiples is { } given ? ParseMultiples(given) : null;
        var planned = settings.Utm is not null || settings.Hub is not null || settings.Rotor is not null;
        if (planned == (settings.Gsrn is not null))
            throw new UsageException("give either --gsrn, or --utm with --hub and --rotor for a planned turbine");
        if (planned && (settings.Utm is null || settings.Hub is null || settings.Rotor is null))
            throw new UsageException("a planned turbine needs --utm, --hub and --rotor");
        if (settings.Hub is <= 0 || settings.Rotor is < 0 || settings.CapacityKw is < 0)
            throw new UsageException("--hub must be positive, --rotor and --capacity-kw zero or positive (metres, kW)");
        TurbineArguments.Check(settings.Hub, settings.Rotor, settings.CapacityKw);

        var store = await data.OpenStoreAsync(settings, cancellationToken);
        Plant plant;
        if (planned)
        {
            var (e, n) = PointArguments.ParseUtm(settings.Utm!);
            plant = PlannedPlants.Turbine("planned-1", e, n, settings.Hub!.Value, settings.Rotor!.Value, settings.CapacityKw);
        }
        else
        {
            plant = await store.FindPlantAsync(settings.Gsrn!, cancellationToken)
                ?? throw new NotFoundException($"no plant with GSRN '{settings.Gsrn}' in the register");
            if (plant.TotalHeightM is null)
                throw new NotFoundException($"plant {plant.Id} has no known total height in the register (hub height or rotor diameter unknown), so k × H rings cannot be drawn");
        }

        if (multiples is null)
        {
            var library = RuleContext.LoadLibrary(settings.RuleFolders);
            var permit = PermitBasis.For(plant, data.Today).Date ?? data.Today;
            var distances = SchemeDistances.For(library.Rules, permit);
            multiples = [.. distances.WindBands.Select(b => b.Outer).Append(distances.FeeBeyondK ?? 0).Where(k => k > 0).Distinct().Order()];
            if (multiples.Count == 0)
                throw new UsageException($"no scheme draws rings around turbines permitted on {permit:yyyy-MM-dd}; give --multiples");
        }
        var rings = multiples.Select(k => (K: k, RadiusM: NeighbourRadius.MultipleOfTotalHeight(plant, k))).ToList();
        var sites = await store.SitesWithinAsync(plant.Geometry, rings[^1].RadiusM, cancellationToken);

        var result = new CliResult((planned ? Reason.Of("cli.neighbours-planned") : Reason.Of("cli.neighbours-of", ("plant", plant.Id))).Rendered,
            ["Site", "Id", "Label", "Distance (m)", "Distance / H", "Ring"])
        {
            Attributions = store.Attributions,
            DataVersion = store.Version.Id,
        };
        var c = plant.Geometry.Centroid;
        result.Fact("Plant", Reason.Of("cli.plant-at", ("plant", plant.Id), ("status", Describe.StatusWord(plant.Status)), ("position", $"E {c.X:0.00} N {c.Y:0.00}")).Rendered)
            .Fact("Total height H (m)", Reason.Of("cli.total-height", ("height", plant.TotalHeightM ?? double.NaN), ("hub", plant.HubHeightM ?? double.NaN),
                ("rotor", plant.RotorDiameterM ?? double.NaN)).Rendered)
            .Fact("Rings", string.Join(", ", rings.Select(r => Reason.Of("cli.ring-h", ("k", r.K), ("m", r.RadiusM)).Rendered)));
        foreach (var ring in rings)
            result.Fact($"Addresses within {ring.K:0.##} × H", sites.Addresses.Count(a => a.DistanceM <= ring.RadiusM));
        foreach (var a in sites.Addresses)
            result.Row(a.Address.Position, Reason.Word("cli.site-kind", "address"), a.Address.Id, a.Address.Label, Math.Round(a.DistanceM, 2), Describe.MultipleOfHeight(plant, a.DistanceM), RingOf(a.DistanceM));
        foreach (var b in sites.Buildings)
            result.Row(b.Building.Footprint, Reason.Word("cli.site-kind", "building"), b.Building.Id, $"{b.Building.BuildingType} (BBR {b.Building.BbrId ?? Reason.Of("general.unknown").Rendered})", Math.Round(b.DistanceM, 2), Describe.MultipleOfHeight(plant, b.DistanceM), RingOf(b.DistanceM));
        renderer.Write(result, format);
        return ExitCodes.Ok;

        string RingOf(double distance) => rings.First(r => distance <= r.RadiusM) is var r ? $"≤ {r.K:0.##} × H" : "";
    }

    private static List<double> ParseMultiples(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var k) || k <= 0 || k > 100)
                throw new UsageException($"--multiples: '{part}' is not a multiple of H between 0 and 100");
            values.Add(k);
        }
        return values.Count == 0 ? throw new UsageException("--multiples: give at least one multiple, e.g. 4,6,8") : values.Distinct().Order().ToList();
    }
}
