using System.Net.Sockets;

namespace VeSiting.Stores.PostGis;

/// <summary>Builds the pooled, NetTopologySuite-aware data source and connects with retry and backoff.</summary>
public static class PostGisConnection
{
    /// <summary>How often and how patiently to try at start-up.</summary>
    public sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, double Factor = 2)
    {
        public static RetryPolicy Default { get; } = new(6, TimeSpan.FromMilliseconds(500));
        public static RetryPolicy Once { get; } = new(1, TimeSpan.Zero);
    }

    /// <summary>The server settings of every session (benchmarks give pgbench the same through PGOPTIONS).</summary>
    public const string SessionOptions = "-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan";

    public static NpgsqlDataSource CreateDataSource(string connectionString) => Builder(connectionString).Build();

    /// <summary>One pool over several hosts (Host=a,b,c); sessions are taken by role with <see cref="NpgsqlMultiHostDataSource.WithTargetSession"/>.</summary>
    public static NpgsqlMultiHostDataSource CreateMultiHostDataSource(string connectionString) => Builder(connectionString).BuildMultiHost();

    /// <summary>Parses a connection string, naming the setting that holds it when it is not one.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString, string setting = "connection string")
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{setting}: not a valid PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }
    }

    private static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var parsed = Parse(connectionString);
        // Tile and nearest queries are short: JIT and parallel workers only slow them (measured on these machines).
        // Statements are prepared (below) but always planned for their actual parameters: a generic plan cannot see
        // the tile's area and chose a plain index scan that made a dense z14 tile 6× slower (26 → 164 ms).
        parsed.Options = string.Join(' ', new[] { parsed.Options, SessionOptions }.Where(o => !string.IsNullOrWhiteSpace(o)));
        parsed.ApplicationName ??= "vesiting";
        // The same few statements (tiles, nearest, version) run over and over: prepare them once per physical connection
        // (parsing and analysing the ST_AsMVT query is a large part of a small tile: +29 % tiles/s in pgbench), and skip
        // the per-checkout session reset (DISCARD/CLOSE ALL): the store keeps no session state.
        if (parsed.MaxAutoPrepare == 0)
            parsed.MaxAutoPrepare = 32;
        parsed.NoResetOnClose = true;
        var builder = new NpgsqlDataSourceBuilder(parsed.ConnectionString);
        builder.UseNetTopologySuite();
        return builder;
    }

    /// <summary>"host:port/database" for messages, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var hosts = b.Host is { } h && h.Contains(',') ? h : $"{b.Host ?? "localhost"}:{b.Port}";
        return $"{hosts}/{b.Database ?? b.Username}";
    }

    /// <summary>Opens a first connection, retrying with exponential backoff; fails with the host and the reason.</summary>
    public static async Task VerifyReachableAsync(NpgsqlDataSource dataSource, RetryPolicy retry, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var delay = retry.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (IsConnectionFault(e) && attempt < retry.Attempts)
            {
                log?.Invoke($"PostGIS at {Describe(dataSource.ConnectionString)} not reachable (attempt {attempt} of {retry.Attempts}): {Reason(e)}; retrying in {delay.TotalSeconds:0.0} s");
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks((long)(delay.Ticks * retry.Factor));
            }
            catch (Exception e) when (IsConnectionFault(e) || e is PostgresException)
            {
                throw new StoreUnavailableException(
                    $"Cannot use PostGIS at {Describe(dataSource.ConnectionString)} after {attempt} attempt(s): {Reason(e)}", e);
            }
        }
    }

    /// <summary>Network, authentication and server-shutdown faults: the database cannot answer right now.</summary>
    public static bool IsConnectionFault(Exception e) => e switch
    {
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        // Multi-host data sources: every host failed, or none has the role asked for (e.g. no primary while one is promoted).
        NpgsqlException { InnerException: AggregateException all } => all.InnerExceptions.All(IsConnectionFault),
        NpgsqlException { InnerException: null } n when n.Message.StartsWith("No suitable host", StringComparison.Ordinal) => true,
        PostgresException p => p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
            or PostgresErrorCodes.InvalidCatalogName or "57P05",
        NpgsqlException n => n.IsTransient,
        SocketException or TimeoutException => true,
        _ => false,
    };

    private static string Reason(Exception e) => e switch
    {
        PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState})",
        { InnerException: SocketException s } => s.Message,
        _ => e.Message,
    };
}
