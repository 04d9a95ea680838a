namespace VeSiting.Stores.PostGis;

/// <summary>
/// The PostgreSQL servers of one VeSiting database: the primary for writes and imports, hot-standby replicas for reads.
/// With replicas, all hosts share one Npgsql multi-host pool: writes take a session on whichever host is primary now
/// (so a promoted standby takes writes without a restart), reads prefer a standby, spread over the standbys
/// (Load Balance Hosts), and fall back to the primary when no standby answers. Without replicas both go to the one server.
/// </summary>
public sealed class PostGisDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _owned;

    private PostGisDatabase(NpgsqlDataSource owned, NpgsqlDataSource writes, NpgsqlDataSource reads, string description)
    {
        _owned = owned;
        Writes = writes;
        Reads = reads;
        Description = description;
    }

    /// <summary>Sessions on the primary: writes, imports, and reads that must see this client's own writes.</summary>
    public NpgsqlDataSource Writes { get; }

    /// <summary>Sessions on a standby when one answers, else on the primary.</summary>
    public NpgsqlDataSource Reads { get; }

    /// <summary>Hosts and database for messages, never the password.</summary>
    public string Description { get; }

    /// <param name="primary">The primary's connection string (VeSiting:Database).</param>
    /// <param name="replicas">Connection strings of the replicas (VeSiting:ReadDatabases); only their Host and Port are used,
    /// the rest must agree with the primary's, since one pool serves all of them.</param>
    /// <param name="commandTimeoutSeconds">Overrides the connection string's Command Timeout when set.</param>
    public static PostGisDatabase Create(string primary, IReadOnlyList<string> replicas, int? commandTimeoutSeconds = null)
    {
        var settings = PostGisConnection.Parse(primary, "VeSiting:Database");
        if (commandTimeoutSeconds is { } seconds)
            settings.CommandTimeout = seconds;
        if (replicas.Count == 0)
        {
            var single = PostGisConnection.CreateDataSource(settings.ConnectionString);
            return new PostGisDatabase(single, single, single, PostGisConnection.Describe(settings.ConnectionString));
        }
        var hosts = new List<string> { HostList(settings) };
        for (var i = 0; i < replicas.Count; i++)
        {
            var replica = PostGisConnection.Parse(replicas[i], $"VeSiting:ReadDatabases:{i}");
            foreach (var (name, mine, theirs) in new[]
            {
                ("Database", replica.Database, settings.Database), ("Username", replica.Username, settings.Username),
                ("Password", replica.Password, settings.Password),
            })
            {
                if (mine is not null && mine != theirs)
                    throw new ArgumentException($"VeSiting:ReadDatabases:{i}: {name} differs from VeSiting:Database's; replicas of one database share its name and roles (only Host and Port may differ)", nameof(replicas));
            }
            hosts.Add(HostList(replica));
        }
        settings.Host = string.Join(',', hosts);
        settings.LoadBalanceHosts = true;
        var multiHost = PostGisConnection.CreateMultiHostDataSource(settings.ConnectionString);
        return new PostGisDatabase(multiHost, FreshAttempt.ViewOf(multiHost, TargetSessionAttributes.Primary),
            FreshAttempt.ViewOf(multiHost, TargetSessionAttributes.PreferStandby), PostGisConnection.Describe(settings.ConnectionString));
    }

    /// <summary>host:port for each host of a connection string (a replica entry may itself list several).</summary>
    private static string HostList(NpgsqlConnectionStringBuilder settings) =>
        string.Join(',', (settings.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.Contains(':') && !h.StartsWith('[') ? h : $"{h}:{settings.Port}"));

    /// <summary>The spatial store reading from <see cref="Reads"/> (the database keeps owning its connections); its abilities are the core's interfaces.</summary>
    public async Task<ISpatialStore> OpenStoreAsync(Action<string>? log = null, CancellationToken cancellationToken = default) =>
        await PostGisSpatialStore.OpenAsync(Reads, ownsDataSource: false, log: log, cancellationToken: cancellationToken);

    public ValueTask DisposeAsync() => _owned.DisposeAsync();
}
