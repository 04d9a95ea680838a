using System.Diagnostics;
using Npgsql;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;
using VeSiting.Stores.PostGis.Migrations;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>
/// The primary and hot standby the test command starts (scripts/replica-test-cluster.sh), found through
/// <c>VESITING_REPLICA_CLUSTER</c>; without it, every replication test fails saying how to get one (they never skip).
/// </summary>
public sealed class ReplicaCluster
{
    public const string Variable = "VESITING_REPLICA_CLUSTER";

    private readonly string _folder;

    private ReplicaCluster(string folder)
    {
        _folder = folder;
        Primary = File.ReadAllText(Path.Combine(folder, "primary.connection")).Trim();
        Standby = File.ReadAllText(Path.Combine(folder, "standby.connection")).Trim();
    }

    /// <summary>Connection string of the primary (a CREATEDB role, database postgres).</summary>
    public string Primary { get; }

    /// <summary>Connection string of the hot standby.</summary>
    public string Standby { get; }

    public static ReplicaCluster Find() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "ctl"))
            ? new ReplicaCluster(folder)
            : throw new InvalidOperationException(
                $"Replication tests need a PostgreSQL 15 + PostGIS 3 primary with a streaming hot standby: run `source scripts/postgis-test-server.sh; source scripts/replica-test-cluster.sh; replica_cluster_up` (as root) and keep {Variable}, or run `bash scripts/test.sh`, which does so.");

    /// <summary>Starts, stops (fast shutdown) or promotes one server.</summary>
    public void Control(string node, string action)
    {
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(_folder, "ctl"), [node, action])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(90_000);
        Assert.True(process.ExitCode == 0, $"ctl {node} {action}: {error.Result}");
    }

    /// <summary>Creates a database on the primary, migrates it, imports <paramref name="data"/> and waits until the standby has replayed it.</summary>
    public async Task<string> CreateImportedDatabaseAsync(DataSet data)
    {
        var name = $"vesiting_replica_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Primary))
        {
            await connection.OpenAsync();
            // Identifiers cannot be parameters; the name is generated here from a GUID.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var primary = OnDatabase(Primary, name);
        await using (var dataSource = PostGisConnection.CreateDataSource(primary))
        {
            await new MigrationRunner(dataSource).MigrateAsync();
            await new PostGisImporter(dataSource).ImportAsync(data);
        }
        var standby = OnDatabase(Standby, name);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ScalarAsync<string>(standby, "SELECT id FROM data_version") != data.Version.Id)
        {
            Assert.True(DateTime.UtcNow < deadline, "the standby did not replay the import within 30 s");
            await Task.Delay(100);
        }
        return name;
    }

    public static string OnDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var parameter in parameters)
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            var value = await command.ExecuteScalarAsync();
            return value is DBNull or null ? default : (T)value;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return default;
        }
    }

    /// <summary>Drops the database through whichever server is primary now.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var server in new[] { Primary, Standby })
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException)
            {
                // Stopped, or a standby (read-only): try the other one; the cluster is removed after the run anyway.
            }
        }
    }
}
