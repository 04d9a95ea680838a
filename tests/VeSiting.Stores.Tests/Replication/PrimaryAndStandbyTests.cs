using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Stores.PostGis;
using VeSiting.Stores.PostGis.Import;
using VeSiting.Stores.Tests.Api;
using VeSiting.Stores.Tests.Fixtures;
using Tile = NetTopologySuite.IO.VectorTiles.Tiles.Tile;

namespace VeSiting.Stores.Tests.Replication;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicationCollection
{
    public const string Name = "primary and standby";
}

/// <summary>
/// Two service instances on a real primary and hot standby (scripts/replica-test-cluster.sh): reads are served by the
/// standby, writes by the primary; the standby stopped, the primary stopped, both restarted and the standby promoted,
/// the service keeps answering what it can, answers 503 problem+json for what it cannot, and never mixes answers.
/// One scenario in order: the promotion at its end cannot be undone.
/// </summary>
[Collection(ReplicationCollection.Name)]
public sealed class PrimaryAndStandbyTests : IAsyncLifetime
{
    private const string Key = StatelessInstancesTests.Key;
    private const string Site = "/api/assess/site?e=600100&n=6200100";
    // A 90 m turbine (H = 60 + 60/2) beside the hand-made dwellings.
    private const string Project = """{"type":"FeatureCollection","name":"replicated","permit_date":"2026-06-01","features":[{"type":"Feature","properties":{"id":"P1","hub_height_m":60,"rotor_diameter_m":60,"capacity_kw":2000},"geometry":{"type":"Point","coordinates":[10.6,55.9]}}]}""";

    private readonly ReplicaCluster _cluster = ReplicaCluster.Find();
    private readonly Dictionary<string, string> _bodyOfEtag = [];
    private string _database = null!;
    private string _tile = null!;
    private string _version = "hand-made";

    public async Task InitializeAsync()
    {
        _database = await _cluster.CreateImportedDatabaseAsync(HandMadeData.Create());
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(600100, 6200100);
        Tile.CreateAroundLocation(lat, lon, 12, out var x, out var y);
        _tile = $"/tiles/plants/12/{x}/{y}.mvt";
    }

    public Task DisposeAsync() => _cluster.DropDatabaseAsync(_database);

    private WebApplicationFactory<ServiceData> Instance(string name) =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b
            .UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0")
            .UseSetting("VeSiting:Database", ReplicaCluster.OnDatabase(_cluster.Primary, _database) + $";Application Name={name}")
            .UseSetting("VeSiting:ReadDatabases:0", ReplicaCluster.OnDatabase(_cluster.Standby, _database))
            .UseSetting("VeSiting:DataVersionPollSeconds", "0.2")
            // Every tile from the database, so each one checks what the servers answer now.
            .UseSetting("VeSiting:TileCacheMegabytes", "0"));

    private static Task<HttpResponseMessage> Write(HttpClient client, string path, string body, string mediaType) =>
        StatelessInstancesTests.SendAsync(client, HttpMethod.Post, path, body, mediaType);

    /// <summary>Gets the tile: it must be of the data version in force, and one ETag must always come with the same bytes.</summary>
    private async Task<string> TileAsync(HttpClient client, string when)
    {
        var response = await client.GetAsync(_tile);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{when}: tile answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var etag = await RecordAsync(response, when);
        Assert.StartsWith($"W/\"{_version}-", etag);
        return etag;
    }

    /// <summary>Notes which bytes came with the response's ETag; fails if the same ETag ever came with other bytes.</summary>
    private async Task<string> RecordAsync(HttpResponseMessage response, string when)
    {
        var etag = response.Headers.ETag!.ToString();
        var body = Convert.ToHexString(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        lock (_bodyOfEtag)
        {
            if (_bodyOfEtag.TryGetValue(etag, out var earlier))
                Assert.True(earlier == body, $"{when}: ETag {etag} came with other bytes than before");
            _bodyOfEtag[etag] = body;
        }
        return etag;
    }

    /// <summary>Tiles from both instances, one after another, while <paramref name="during"/> runs: each an answer of one version (or 503 for a request that began as the version changed).</summary>
    private async Task<(int Answered, int Unavailable)> TilesWhileAsync(HttpClient a, HttpClient b, Task during)
    {
        var (answered, unavailable) = (0, 0);
        for (var i = 0; !during.IsCompleted || i < 20; i++)
        {
            var response = await (i % 2 == 0 ? a : b).GetAsync(_tile);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                unavailable++;
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"during the import: tile answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await RecordAsync(response, "during the import");
            answered++;
        }
        await during;
        return (answered, unavailable);
    }

    private async Task AssertReadsAsync(HttpClient client, string project, string when)
    {
        await TileAsync(client, when);
        var site = await client.GetAsync(Site);
        Assert.True(site.StatusCode == HttpStatusCode.OK, $"{when}: assessment answered {(int)site.StatusCode} {await site.Content.ReadAsStringAsync()}");
        Assert.Equal(_version, (await site.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dataVersion").GetString());
        var saved = await client.GetAsync($"/api/projects/{project}");
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{when}: saved project answered {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string when)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{when}: answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<long> RollbacksAsync(string server) =>
        ReplicaCluster.ScalarAsync<long>(server, "SELECT xact_rollback FROM pg_stat_database WHERE datname = $1", _database);

    /// <summary>
    /// Sessions of <paramref name="instance"/> on <paramref name="server"/> (pooled: they stay after the request) that ran
    /// more than the pool's check of the server's role (Npgsql asks each host whether it is read-only when choosing one).
    /// </summary>
    private Task<long> SessionsAsync(string server, string instance) =>
        ReplicaCluster.ScalarAsync<long>(server, """
            SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2
                AND query NOT IN ('SHOW default_transaction_read_only', 'SELECT pg_is_in_recovery()')
            """, _database, instance);

    private async Task<string> SaveProjectAsync(HttpClient client, string when)
    {
        var created = await Write(client, "/api/projects", Project, "application/geo+json");
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{when}: saving answered {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return created.Headers.Location!.ToString().Split('/')[^1];
    }

    [Fact]
    public async Task Two_instances_on_a_primary_and_a_hot_standby_ride_out_stops_restarts_and_a_promotion()
    {
        using var first = Instance("vesiting-a");
        using var second = Instance("vesiting-b");
        var a = first.CreateClient();
        var b = second.CreateClient();

        // Reads are served by the standby: each request's pinned snapshot ends in a rollback (nothing else here rolls
        // back), so 20 uncached tiles add 20 rollbacks to the standby's count for the database and none to the primary's.
        await TileAsync(a, "at the start");
        var (standbyBefore, primaryBefore) = (await RollbacksAsync(_cluster.Standby), await RollbacksAsync(_cluster.Primary));
        for (var i = 0; i < 20; i++)
            await TileAsync(i % 2 == 0 ? a : b, "at the start");
        // Statistics reach pg_stat_database when a session has been idle a moment (at most ≈ 10 s).
        Assert.True(await StatelessInstancesTests.EventuallyAsync(async () => await RollbacksAsync(_cluster.Standby) - standbyBefore >= 20),
            "the standby did not serve the 20 tiles");
        Assert.Equal(0L, await RollbacksAsync(_cluster.Primary) - primaryBefore);

        // A rule set published through one instance is in force on the other (replayed on the standby, then polled).
        Assert.Equal(HttpStatusCode.Created, (await Write(a, "/api/rules", StatelessInstancesTests.VeBonus2027, "application/json")).StatusCode);
        Assert.True(await StatelessInstancesTests.EventuallyAsync(() => StatelessInstancesTests.ListsVeBonus2027Async(b)), "the rule set published through A never came into force on B");

        // A project saved through one instance is read through the other at once (read back through the primary).
        var project = await SaveProjectAsync(a, "at the start");
        Assert.Equal("replicated", (await b.GetFromJsonAsync<JsonElement>($"/api/projects/{project}")).GetProperty("name").GetString());
        Assert.Equal(await TileAsync(a, "at the start"), await TileAsync(b, "at the start"));

        // A new edition imported on the primary while both instances serve the tile: every answer is of one version
        // under that version's ETag, and both instances move to the new one by themselves.
        var next = HandMadeData.Create() is var data ? data with
        {
            Version = new DataVersion("hand-made-2", DateTimeOffset.UtcNow),
            Plants = [.. data.Plants.Where(p => p.Id != "b")],
        } : null!;
        var (answered, _) = await TilesWhileAsync(a, b, Task.Run(async () =>
        {
            await Task.Delay(200);
            await using var primary = PostGisConnection.CreateDataSource(ReplicaCluster.OnDatabase(_cluster.Primary, _database));
            await new PostGisImporter(primary).ImportAsync(next);
        }));
        Assert.True(answered > 0);
        _version = "hand-made-2";
        // (A request that began as an instance switched may answer 503, without an ETag: it is asked again.)
        Assert.True(await StatelessInstancesTests.EventuallyAsync(async () =>
            (await a.GetAsync(_tile)).Headers.ETag?.ToString().Contains(_version, StringComparison.Ordinal) == true
            && (await b.GetAsync(_tile)).Headers.ETag?.ToString().Contains(_version, StringComparison.Ordinal) == true), "the instances never served the new edition");
        Assert.Equal(await TileAsync(a, "after the import"), await TileAsync(b, "after the import"));
        Assert.Equal(2, _bodyOfEtag.Count);
        Assert.NotEqual(_bodyOfEtag.Values.First(), _bodyOfEtag.Values.Last());

        // The standby stopped: reads move to the primary; writes go on.
        _cluster.Control("standby", "stop");
        await AssertReadsAsync(a, project, "standby stopped");
        await AssertReadsAsync(b, project, "standby stopped");
        await SaveProjectAsync(b, "standby stopped");

        // The standby back (it accepts connections when `ctl` returns), and the primary stopped at once, while the
        // instances' pools still remember the standby as offline from the reads above (Npgsql rechecks a host it saw
        // offline only after some seconds): reads go on from the standby (saved projects too), so they returned to it
        // by themselves; writes answer 503 problem+json.
        _cluster.Control("standby", "start");
        _cluster.Control("primary", "stop");
        await AssertReadsAsync(a, project, "primary stopped right after the standby restarted");
        await AssertReadsAsync(b, project, "primary stopped right after the standby restarted");
        Assert.True(await SessionsAsync(_cluster.Standby, "vesiting-a") >= 1, "A's reads did not return to the restarted standby");
        await AssertUnavailableAsync(await Write(a, "/api/projects", Project, "application/geo+json"), "saving while the primary is stopped");
        await AssertUnavailableAsync(await Write(b, "/api/rules", StatelessInstancesTests.VeBonus2027.Replace("2027-01.1", "2027-01.2"), "application/json"), "publishing while the primary is stopped");

        // The primary back: writes resume without a restart of the instances.
        _cluster.Control("primary", "start");
        Assert.True(await StatelessInstancesTests.EventuallyAsync(async () =>
            (await Write(a, "/api/projects", Project, "application/geo+json")).StatusCode == HttpStatusCode.Created, seconds: 30),
            "writes did not resume after the primary restarted");
        await AssertReadsAsync(b, project, "primary restarted");

        // The primary lost for good and the standby promoted: writes resume on it, still without a restart.
        _cluster.Control("primary", "stop");
        _cluster.Control("standby", "promote");
        Assert.True(await StatelessInstancesTests.EventuallyAsync(async () =>
            (await Write(b, "/api/projects", Project, "application/geo+json")).StatusCode == HttpStatusCode.Created, seconds: 30),
            "writes did not resume on the promoted standby");
        // Each instance's pool learns the new primary on its own (it rechecks a host's role after a few seconds), so the
        // other instance is given the same time rather than asked once.
        string? afterPromotion = null;
        Assert.True(await StatelessInstancesTests.EventuallyAsync(async () =>
        {
            var created = await Write(a, "/api/projects", Project, "application/geo+json");
            afterPromotion = created.StatusCode == HttpStatusCode.Created ? created.Headers.Location!.ToString().Split('/')[^1] : null;
            return afterPromotion is not null;
        }, seconds: 30), "writes did not resume on the other instance after the promotion");
        Assert.Equal("replicated", (await b.GetFromJsonAsync<JsonElement>($"/api/projects/{afterPromotion}")).GetProperty("name").GetString());
        await AssertReadsAsync(a, project, "after the promotion");
        await AssertReadsAsync(b, project, "after the promotion");
    }
}
