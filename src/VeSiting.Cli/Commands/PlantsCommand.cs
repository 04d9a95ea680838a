using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting plants</c>: list and filter the registered plants.</summary>
public sealed class PlantsCommand(DataContext data, ResultRenderer renderer) : AsyncCommand<PlantsCommand.Settings>
{
    public sealed class Settings : PlantFilterSettings
    {
        [CommandOption("--limit <N>")]
        [Description("List at most this many plants (default: all).")]
        public int? Limit { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var filter = settings.ToFilter();
        if (settings.Limit is < 0)
            throw new UsageException($"--limit: {settings.Limit} is negative");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var plants = await store.ListPlantsAsync(filter, cancellationToken);
        var shown = settings.Limit is { } limit ? plants.Take(limit).ToList() : plants;

        var result = new CliResult("Plants",
            ["Id", "Kind", "Status", "Name", "Capacity (kW)", "Hub height (m)", "Rotor diameter (m)", "Total height (m)", "Siting", "Municipality code", "Municipality", "Connected", "Decommissioned", "E", "N"])
        {
            Attributions = store.Attributions,
            DataVersion = store.Version.Id,
        };
        result.Fact("Matching plants", plants.Count)
            .Fact("Capacity of matching plants (MW)", Math.Round(plants.Sum(p => p.CapacityKw ?? 0) / 1000, 3));
        if (shown.Count < plants.Count)
            result.Fact("Listed", Reason.Of("cli.listed-first", ("count", shown.Count)).Rendered);
        foreach (var p in shown)
        {
            var c = p.Geometry.Centroid;
            result.Row(p.Geometry, p.Id, Describe.KindWord(p.Kind), Describe.StatusWord(p.Status), Describe.Name(p), p.CapacityKw, p.HubHeightM, p.RotorDiameterM,
                p.TotalHeightM, Reason.Word("plant-siting", Describe.Siting(p.Siting)), p.MunicipalityCode, p.MunicipalityName, p.ConnectedOn, p.DecommissionedOn,
                Math.Round(c.X, 2), Math.Round(c.Y, 2));
        }
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
