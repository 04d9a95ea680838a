using VeSiting.Stores.PostGis;

namespace VeSiting.Cli.Infrastructure;

/// <summary>Options every data-using command shares: where data comes from and where it is cached.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--mirror <DIR>")]
    [Description("Mirror folder to obtain data from (repeatable; tried in order). Default: the manifest's mirrors or $VESITING_MIRROR.")]
    public string[] Mirrors { get; init; } = [];

    [CommandOption("--cache <DIR>")]
    [Description("Cache folder for the data files. Default: $VESITING_CACHE or .cache/geodata in the repository.")]
    public string? Cache { get; init; }

    [CommandOption("--db <CONNECTION>")]
    [Description("Use PostGIS (a PostgreSQL connection string) instead of the embedded engine. Default: $VESITING_DB, else embedded.")]
    public string? Database { get; init; }

    /// <summary>The PostGIS connection string: --db, else $VESITING_DB (the same <see cref="DatabaseOptions"/> the service binds), or null for the embedded engine.</summary>
    public string? DatabaseOrEnvironment => new DatabaseOptions { Database = Database }.PrimaryConnectionString;

    [CommandOption("-v|--verbose")]
    [Description("Report load times and import notes on standard error.")]
    public bool Verbose { get; init; }
}
