using Npgsql;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Migrations;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Conformance;

/// <summary>A throwaway migrated database for the project contract.</summary>
public sealed class PostGisProjectDatabase : IAsyncLifetime
{
    private string _connectionString = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostGisServer.CreateDatabaseAsync();
        DataSource = PostGisConnection.CreateDataSource(_connectionString);
        await new MigrationRunner(DataSource).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
            await DataSource.DisposeAsync();
        if (_connectionString.Length > 0)
            await PostGisServer.DropDatabaseAsync(_connectionString);
    }
}

/// <summary>The project contract against PostGIS.</summary>
public sealed class PostGisProjectStoreContractTests(PostGisProjectDatabase database) : ProjectStoreContract, IClassFixture<PostGisProjectDatabase>
{
    protected override IProjectStore Store { get; } = new PostGisProjectStore(database.DataSource);
}
