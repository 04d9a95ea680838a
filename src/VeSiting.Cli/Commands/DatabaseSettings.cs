using VeSiting.Stores.PostGis;

namespace VeSiting.Cli.Commands;

/// <summary>Settings of commands that need PostGIS: the connection string is required.</summary>
public class DatabaseSettings : QuerySettings
{
    public string RequiredConnectionString =>
        DatabaseOrEnvironment ?? throw new UsageException($"give the PostGIS connection string with --db \"Host=…;Database=…;Username=…;Password=…\" or ${DatabaseOptions.EnvironmentVariable}");
}
