using System.ComponentModel;
using Spectre.Console.Cli;

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

    /// <summary>The PostGIS connection string chosen by option or environment, or null for the embedded engine.</summary>
    public string? DatabaseOrEnvironment =>
        Database ?? (Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } fromEnv ? fromEnv : null);

    public const string DatabaseVariable = "VESITING_DB";

    [CommandOption("-v|--verbose")]
    [Description("Report load times and import notes on standard error.")]
    public bool Verbose { get; init; }
}
