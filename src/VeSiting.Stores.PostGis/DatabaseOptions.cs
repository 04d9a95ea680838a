namespace VeSiting.Stores.PostGis;

/// <summary>
/// Where VeSiting's PostGIS database is, for the service and the command line alike: the service binds it from the
/// "VeSiting" configuration section (VeSiting:Database, VeSiting:ReadDatabases:0 …, VeSiting__Database environment
/// variables), the CLI fills <see cref="Database"/> from --db; both fall back to $VESITING_DB.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The environment variable that names the primary when neither configuration nor --db does.</summary>
    public const string EnvironmentVariable = "VESITING_DB";
    /// <summary>The environment variable that names a password file when configuration does not (<see cref="DatabasePasswordFile"/>).</summary>
    public const string PasswordFileVariable = "VESITING_DB_PASSWORD_FILE";

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

    /// <summary>
    /// A file holding the database password (a Docker or Kubernetes secret, e.g. /run/secrets/db_password), so that
    /// neither the connection string nor the environment holds it; it replaces the connection string's Password (the
    /// replicas share it). Also taken from VESITING_DB_PASSWORD_FILE.
    /// </summary>
    public string? DatabasePasswordFile { get; set; }

    /// <summary>The primary's connection string, from configuration (or --db) or VESITING_DB, with the password file's password; null = the embedded engine.</summary>
    public string? PrimaryConnectionString
    {
        get
        {
            var primary = Database is { Length: > 0 } configured ? configured
                : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv : null;
            var passwordFile = DatabasePasswordFile is { Length: > 0 } file ? file
                : Environment.GetEnvironmentVariable(PasswordFileVariable) is { Length: > 0 } fileFromEnv ? fileFromEnv : null;
            if (primary is null || passwordFile is null)
                return primary;
            var settings = PostGisConnection.Parse(primary, "VeSiting:Database");
            settings.Password = SecretFile.Read(passwordFile, "VeSiting:DatabasePasswordFile");
            return settings.ConnectionString;
        }
    }

    /// <summary>The primary and its replicas as one pool (<see cref="PostGisDatabase.Create"/>), the command timeout applied; null = the embedded engine.</summary>
    public PostGisDatabase? Open() =>
        PrimaryConnectionString is { } primary ? PostGisDatabase.Create(primary, ReadDatabases, DatabaseCommandTimeoutSeconds) : null;
}
