using Npgsql;
using VeSiting.Core.Stores;
using VeSiting.Data.Embedded;
using VeSiting.Stores.Tests.Conformance;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.PostGis;

/// <summary>
/// Every text parameter of the store (plant id, address text) fed strings that would break string-built SQL.
/// The answers equal the embedded engine's, and the database is unchanged afterwards.
/// </summary>
public sealed class HostileInputTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    public static TheoryData<string> Hostile => new()
    {
        "'; DROP TABLE plants; --",
        "\" OR 1=1 --",
        "x' OR '1'='1",
        "0); DELETE FROM addresses; --",
        "%",
        "_",
        "\\",
        "$1",
        "Eliasgade'; --",
        "Ø'); TRUNCATE data_version; --",
        "\0",
        "Eliasgade\0 10",
        "' UNION SELECT * FROM pg_shadow --",
        new string('\'', 5_000),
        "🙂; SELECT pg_sleep(10); --",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_plant_ids_find_nothing_and_change_nothing(string id)
    {
        var before = await RowCounts();
        Assert.Null(await stores.HandMade.FindPlantAsync(id));
        Assert.Null(await stores.Real.FindBuildingAsync(id));
        Assert.Null(await new EmbeddedSpatialStore(HandMadeData.Create()).FindPlantAsync(id));
        Assert.Equal(before, await RowCounts());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_address_text_answers_as_the_embedded_engine_and_changes_nothing(string text)
    {
        var before = await RowCounts();
        var expected = (await new EmbeddedSpatialStore(stores.RealData).SearchAddressesAsync(text, 5)).Select(a => a.Id);
        Assert.Equal(expected, (await stores.Real.SearchAddressesAsync(text, 5)).Select(a => a.Id));
        Assert.Equal(before, await RowCounts());
    }

    [Fact]
    public async Task Wildcards_are_not_wildcards()
    {
        // "%" and "_" would match everything under LIKE; as search words they are separators and match nothing.
        Assert.Empty(await stores.Real.SearchAddressesAsync("%", 5));
        Assert.Empty(await stores.Real.SearchAddressesAsync("_ _", 5));
        Assert.Empty(await stores.Real.ListPlantsAsync(new PlantFilter { MunicipalityCode = -1 }));
    }

    /// <summary>Every table's row count and the data version, in both databases.</summary>
    private async Task<string> RowCounts()
    {
        var counts = new List<string>();
        foreach (var connectionString in stores.ConnectionStrings)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT concat_ws(',', (SELECT count(*) FROM plants), (SELECT count(*) FROM addresses), (SELECT count(*) FROM buildings),
                    (SELECT count(*) FROM admin_areas), (SELECT count(*) FROM population), (SELECT count(*) FROM district_heating),
                    (SELECT id || loaded_at FROM data_version), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'))
                """, connection);
            counts.Add((string)(await command.ExecuteScalarAsync())!);
        }
        return string.Join(';', counts);
    }
}
