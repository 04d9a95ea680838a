using VeSiting.Core.Explanations;
using VeSiting.Core.Spatial;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting nearest</c>: the plants nearest a point, address or coordinate, and which areas contain it.</summary>
public sealed class NearestCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<NearestCommand.Settings>
{
    public sealed class Settings : PlantFilterSettings
    {
        [CommandOption("--lat <DEGREES>")]
        [Description("Latitude (WGS 84 / ETRS89).")]
        public string? Lat { get; init; }

        [CommandOption("--lon <DEGREES>")]
        [Description("Longitude (WGS 84 / ETRS89).")]
        public string? Lon { get; init; }

        [CommandOption("--utm <\"E N\">")]
        [Description("Easting and northing in ETRS89 / UTM 32N (EPSG:25832), e.g. \"638500 6150500\".")]
        public string? Utm { get; init; }

        [CommandOption("-a|--address <TEXT>")]
        [Description("An address matched against the address data, e.g. \"Eliasgade 10, 2300\".")]
        public string? Address { get; init; }

        [CommandOption("-n|--count <N>")]
        [Description("How many plants to list (default 5).")]
        public int Count { get; init; } = 5;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var filter = settings.ToFilter();
        if (settings.Count is < 1 or > 10_000)
            throw new UsageException($"--count: {settings.Count} is not between 1 and 10000");
        var location = PointArguments.Question(settings.Lat, settings.Lon, settings.Utm, settings.Address);
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var resolved = await PointArguments.ResolveAsync(location, store, cancellationToken);
        var (point, description) = (resolved.Point, resolved.Label);
        var nearest = await store.NearestPlantsAsync(point, filter, settings.Count, cancellationToken);
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(point.X, point.Y);

        var result = new CliResult($"Plants nearest {description}",
            ["Rank", "Id", "Kind", "Status", "Name", "Capacity (kW)", "Total height (m)", "Distance (m)", "Distance / H", "Municipality", "Connected"])
        {
            Attributions = store.Attributions,
            DataVersion = store.Version.Id,
        };
        result.Fact("Point (EPSG:25832)", $"E {point.X:0.00} N {point.Y:0.00}")
            .Fact("Point (lon, lat)", $"{lon:0.0000000}, {lat:0.0000000}")
            .Fact("Municipality", await AreaLabel(AdminAreaKind.Municipality))
            .Fact("Region", await AreaLabel(AdminAreaKind.Region))
            .Fact("Postcode area", await AreaLabel(AdminAreaKind.PostCode));
        var rank = 0;
        foreach (var hit in nearest)
        {
            var p = hit.Plant;
            result.Row(p.Geometry, ++rank, p.Id, Describe.KindWord(p.Kind), Describe.StatusWord(p.Status), Describe.Name(p), p.CapacityKw, p.TotalHeightM,
                Math.Round(hit.DistanceM, 2), Describe.MultipleOfHeight(p, hit.DistanceM), p.MunicipalityName, p.ConnectedOn);
        }
        renderer.Write(result, format);
        return ExitCodes.Ok;

        async Task<string?> AreaLabel(AdminAreaKind kind) =>
            await store.AreaAtAsync(kind, point, cancellationToken) is { } area ? $"{area.Code} {area.Name}" : Reason.Of("cli.outside-boundaries-none").Rendered;
    }
}
