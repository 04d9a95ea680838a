using VeSiting.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>The command line against PostGIS: migrate, import, and the same answers as the embedded engine.</summary>
public sealed class CliOnPostGisTests : IAsyncLifetime
{
    private string _connectionString = null!;

    public async Task InitializeAsync() => _connectionString = await PostGisServer.CreateDatabaseAsync();

    public Task DisposeAsync() => PostGisServer.DropDatabaseAsync(_connectionString);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }

    private static string Example(string file) => Path.Combine(VeSiting.Data.Sources.ProjectLayout.Locate().Root, "docs", "examples", file);

    [Fact]
    public async Task Migrate_import_and_query_give_the_embedded_answers()
    {
        var notMigrated = await Run("plants", "--db", _connectionString);
        Assert.Equal(ExitCodes.Failure, notMigrated.Code);
        Assert.Contains("vesiting db migrate", notMigrated.Error);

        Assert.Equal(ExitCodes.Ok, (await Run("db", "migrate", "--db", _connectionString)).Code);
        var import = await Run("import", "--db", _connectionString, "--format", "csv");
        Assert.True(import.Code == ExitCodes.Ok, import.Error);
        // 9,097 register rows + 222 powerplantmatching rows − 108 wind farms the register already holds (RealSourcesTests)
        // + the 2 Samsø wind generators without dk:esid (RealOsmSamsoeTests).
        Assert.Contains("plants,9213", import.Output);
        // 1,326 DAR sample addresses + Samsø's 4,596 (tests/VeSiting.Data.Tests/Independent/osm_samsoe.py).
        Assert.Contains("addresses,5922", import.Output);

        string[][] queries =
        [
            ["nearest", "--address", "Eliasgade 10, 2300", "--format", "json", "--count", "10"],
            ["neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110", "--format", "json"],
            ["plants", "--municipality", "573", "--min-height", "100", "--format", "csv"],
            ["nearest", "--lat", "56.38", "--lon", "8.47", "--kind", "wind-turbine", "--status", "any", "--format", "geojson"],
            // The decisions of #23: two layouts compared, the tariff proposal's impact, distinct sites.
            ["assess", "compare", "--file", Example("samsoe-repowering.geojson"), "--file", Example("samsoe-four-3MW.geojson"), "--format", "csv"],
            ["scenario", "impact", "--area", "municipality:741", "--scenario", "banded-distance", "--scenario", "new-plants-banded", "--format", "csv"],
            ["sites", "--profile", "data-centre", "--area", "region:1084", "--limit", "10", "--format", "csv"],
        ];
        foreach (var query in queries)
        {
            var embedded = await Run(query);
            var postgis = await Run([.. query, "--db", _connectionString]);
            Assert.True(postgis.Code == ExitCodes.Ok, postgis.Error);
            Assert.Equal(embedded.Output, postgis.Output);
        }
    }

    [Fact]
    public async Task Import_without_a_connection_string_is_a_usage_error()
    {
        var run = await Run("import");
        Assert.Equal(ExitCodes.Usage, run.Code);
        Assert.Contains("--db", run.Error);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_one_line_failure()
    {
        var run = await Run("db", "migrate", "--db", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=1");
        Assert.Equal(ExitCodes.Failure, run.Code);
        Assert.Contains("Cannot use PostGIS at 127.0.0.1:1/z", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
