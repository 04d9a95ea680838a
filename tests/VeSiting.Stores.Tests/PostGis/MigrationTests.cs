using Npgsql;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Migrations;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_once_in_order_and_create_indexed_tables_in_25832()
    {
        var connectionString = await PostGisServer.CreateDatabaseAsync();
        try
        {
            await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
            var runner = new MigrationRunner(dataSource);
            Assert.Equal(0, await runner.CurrentVersionAsync());

            var first = await runner.MigrateAsync();
            var second = await runner.MigrateAsync();

            Assert.Equal(MigrationRunner.All.Select(m => m.Version), first.Select(m => m.Version));
            Assert.Empty(second);
            Assert.Equal(MigrationRunner.LatestVersion, await runner.CurrentVersionAsync());

            await using var connection = await dataSource.OpenConnectionAsync();
            await using var geometry = new NpgsqlCommand("""
                SELECT string_agg(f_table_name || ':' || srid, ',' ORDER BY f_table_name) FROM geometry_columns WHERE f_table_schema = 'public'
                """, connection);
            // Migration 0008 adds noise_areas (a polygon layer with its gist index), 0009 firms (points, gist index).
            Assert.Equal("addresses:25832,admin_areas:25832,buildings:25832,district_heating:25832,firms:25832,noise_areas:25832,plants:25832", await geometry.ExecuteScalarAsync());
            await using var gist = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gist%'", connection);
            Assert.Equal(7L, await gist.ExecuteScalarAsync());
        }
        finally
        {
            await PostGisServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Concurrent_migrations_do_not_race()
    {
        var connectionString = await PostGisServer.CreateDatabaseAsync();
        try
        {
            await using var dataSource = PostGisConnection.CreateDataSource(connectionString);
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => new MigrationRunner(dataSource).MigrateAsync()));
            Assert.Equal(MigrationRunner.All.Count, results.Sum(r => r.Count));
        }
        finally
        {
            await PostGisServer.DropDatabaseAsync(connectionString);
        }
    }
}
