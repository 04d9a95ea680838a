namespace VeSiting.Api.Hosting;

/// <summary>
/// Where the service's PostGIS database is, bound from the "VeSiting" section like <see cref="VeSitingOptions"/>
/// (VeSiting:Database, VeSiting:ReadDatabases:0 …, VeSiting__Database environment variables).
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The primary's connection string: writes, imports, and reads of what clients wrote. Empty = the embedded engine. Also taken from VESITING_DB.</summary>
    public string? Database { get; set; }
    /// <summary>
    /// Hot-standby replicas of that database for reads (tiles, assessments, lists); their Host and Port are used, and
    /// reads move to another replica, or to the primary, when one is down. Empty = reads on the primary too.
    /// </summary>
    public string[] ReadDatabases { get; set; } = [];
    /// <summary>Seconds a database statement may run before it is cancelled and the request answered 503; unset = the connection string's Command Timeout (Npgsql: 30).</summary>
    public int? DatabaseCommandTimeoutSeconds { get; set; }
    /// <summary>How often (seconds) a PostGIS-backed service checks for a newly imported data version and newly published rules.</summary>
    public double DataVersionPollSeconds { get; set; } = 30;

    /// <summary>The primary's connection string, from configuration or VESITING_DB; null = the embedded engine.</summary>
    public string? PrimaryConnectionString =>
        Database is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("VESITING_DB") is { Length: > 0 } fromEnv ? fromEnv : null;
}
