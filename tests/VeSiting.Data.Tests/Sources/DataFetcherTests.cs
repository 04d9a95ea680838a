using System.Security.Cryptography;
using System.Text;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Sources;

public sealed class DataFetcherTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("husnummer_id,etrs89_east\nabc,1\n");

    private static SourceEntry Entry(byte[] content, string? upstream = null) => new()
    {
        Id = "addresses",
        File = "addresses/a.csv",
        Importer = "dar-addresses",
        Title = "test",
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Bytes = content.Length,
        Licence = "test",
        Attribution = "test",
        Upstream = upstream,
    };

    private DataFetcher Fetcher(SourceEntry entry, params string[] mirrors) =>
        new(new SourceManifest { Sources = [entry] }, Path.Combine(_temp.Path, "cache"), mirrors.Select(m => Path.Combine(_temp.Path, m)).ToList());

    [Fact]
    public async Task Takes_the_first_mirror_that_has_the_file_with_the_right_checksum()
    {
        _temp.Write("mirror-b/addresses/a.csv", Content);
        var entry = Entry(Content);
        var fetcher = Fetcher(entry, "mirror-a", "mirror-b");

        var outcome = await fetcher.FetchAsync(entry);

        Assert.Contains("mirror-b", outcome.ObtainedFrom);
        Assert.False(outcome.AlreadyCached);
        Assert.Equal(Content, await File.ReadAllBytesAsync(outcome.CachedPath));
        Assert.True(fetcher.IsCached(entry));
        Assert.True((await fetcher.FetchAsync(entry)).AlreadyCached);
    }

    [Fact]
    public async Task A_mirror_file_with_another_checksum_is_passed_over()
    {
        _temp.Write("mirror-a/addresses/a.csv", "tampered");
        _temp.Write("mirror-b/addresses/a.csv", Content);
        var entry = Entry(Content);

        var outcome = await Fetcher(entry, "mirror-a", "mirror-b").FetchAsync(entry);

        Assert.Contains("mirror-b", outcome.ObtainedFrom);
    }

    [Fact]
    public async Task When_nothing_serves_the_error_names_the_source_and_every_place_tried()
    {
        _temp.Write("mirror-a/addresses/a.csv", "tampered");
        var entry = Entry(Content, upstream: "http://127.0.0.1:9/a.csv");
        var fetcher = Fetcher(entry, "mirror-a", "no-such-mirror");

        var e = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(entry));

        Assert.Contains("'addresses'", e.Message);
        Assert.Equal(3, e.Attempts.Count);
        Assert.Contains("checksum mismatch", e.Attempts[0].Reason);
        Assert.Contains("does not exist", e.Attempts[1].Reason);
        Assert.StartsWith("upstream http://127.0.0.1:9/a.csv", e.Attempts[2].Place);
        Assert.False(fetcher.IsCached(entry));
        Assert.Empty(Directory.Exists(Path.Combine(_temp.Path, "cache")) ? Directory.GetFiles(Path.Combine(_temp.Path, "cache"), "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_corrupted_cache_file_is_replaced_not_served()
    {
        _temp.Write("mirror/addresses/a.csv", Content);
        _temp.Write("cache/addresses/a.csv", "corrupt");
        var entry = Entry(Content);
        var fetcher = Fetcher(entry, "mirror");

        var outcome = await fetcher.FetchAsync(entry);

        Assert.False(outcome.AlreadyCached);
        Assert.Equal(Content, await File.ReadAllBytesAsync(outcome.CachedPath));
    }

    [Fact]
    public async Task Progress_reaches_the_file_size()
    {
        _temp.Write("mirror/addresses/a.csv", Content);
        var entry = Entry(Content);
        var reports = new List<FetchProgress>();

        await Fetcher(entry, "mirror").FetchAsync(entry, new SynchronousProgress<FetchProgress>(reports.Add));

        Assert.Equal(Content.Length, reports[^1].BytesDone);
        Assert.Equal(Content.Length, reports[^1].BytesTotal);
    }

    public void Dispose() => _temp.Dispose();

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
