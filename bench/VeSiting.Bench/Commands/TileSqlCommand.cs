using System.ComponentModel;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Stores.PostGis;

namespace VeSiting.Bench.Commands;

/// <summary>
/// <c>bench/run tile-sql plants</c>: the exact ST_AsMVT query the PostGIS store runs for a tile layer (parameters
/// @z, @x, @y), so benchmarks such as bench/tiles-postgis.sh give pgbench the same SQL as the service.
/// </summary>
public sealed class TileSqlCommand(CliConsole console) : Command<TileSqlCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<LAYER>")]
        [Description("A layer PostGIS encodes itself: plants or boundaries.")]
        public string Layer { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sql = PostGisSpatialStore.VectorTileSql(settings.Layer)
            ?? throw new UsageException($"PostGIS does not encode layer '{settings.Layer}' itself; it does: plants, boundaries");
        console.Output.WriteLine(sql);
        return ExitCodes.Ok;
    }
}
