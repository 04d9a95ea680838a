using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Migrations;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting db migrate</c>: bring the PostGIS schema to this version of VeSiting.</summary>
public sealed class DbMigrateCommand(CliConsole console, ResultRenderer renderer) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.OutputFormat;
        var connectionString = settings.RequiredConnectionString;
        await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
        await PostGisConnection.VerifyReachableAsync(dataSource, PostGisConnection.RetryPolicy.Default,
            message => console.Status.MarkupLineInterpolated($"[yellow]{message}[/]"), cancellationToken);
        var runner = new MigrationRunner(dataSource);
        var applied = await runner.MigrateAsync(cancellationToken);

        var result = new CliResult("Schema migrations", ["Version", "Migration", "Applied now"]);
        result.Fact("Database", PostGisConnection.Describe(connectionString))
            .Fact("Schema version", await runner.CurrentVersionAsync(cancellationToken));
        foreach (var migration in MigrationRunner.All)
            result.Row(null, migration.Version, migration.Name, applied.Any(a => a.Version == migration.Version) ? "yes" : "no (already applied)");
        renderer.Write(result, format);
        return ExitCodes.Ok;
    }
}
