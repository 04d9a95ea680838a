using Npgsql;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;
using VeSiting.Stores.PostGis.Migrations;

namespace VeSiting.Stores.Tests.Fixtures;

/// <summary>
/// The PostGIS server the test command starts. Its connection string comes from <c>VESITING_TEST_DB</c>;
/// without it, every PostGIS test fails with a message saying how to get one (they never skip).
/// Each fixture gets databases of its own, dropped afterwards.
/// </summary>
public static class PostGisServer
{
    public const string Variable = "VESITING_TEST_DB";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"PostGIS tests need a PostgreSQL 15 + PostGIS 3 server: set {Variable} to a connection string of a role that may create databases, or run `bash scripts/test.sh`, which installs, starts and sets one up.");

    /// <summary>Creates an empty database with a unique name; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"vesiting_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            // Identifiers cannot be parameters; the name is generated here from a GUID.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Creates a database, migrates it and imports <paramref name="data"/>.</summary>
    public static async Task<string> CreateImportedDatabaseAsync(DataSet data)
    {
        var connectionString = await CreateDatabaseAsync();
        await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
        await new MigrationRunner(dataSource).MigrateAsync();
        await new PostGisImporter(dataSource).ImportAsync(data);
        return connectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
