namespace VeSiting.Data.Sources;

/// <summary>
/// Obtains sources into the cache folder: first from mirror folders in order, then from the upstream
/// address. Every copy is verified against the manifest's SHA-256 before it replaces anything, and is
/// written to a temporary file first, so an interrupted fetch never leaves a half file in the cache.
/// </summary>
public sealed class DataFetcher(SourceManifest manifest, string cacheDirectory, IReadOnlyList<string> mirrorDirectories, HttpClient? http = null)
{
    private const int BufferSize = 1 << 16;

    public string CacheDirectory { get; } = cacheDirectory;

    public IReadOnlyList<string> MirrorDirectories { get; } = mirrorDirectories;

    public string CachePathOf(SourceEntry source) => Path.Combine(CacheDirectory, source.File);

    /// <summary>True when the source lies in the cache with the right checksum.</summary>
    public bool IsCached(SourceEntry source) => Checksums.Matches(CachePathOf(source), source.Sha256);

    public async Task<IReadOnlyList<FetchOutcome>> FetchAllAsync(IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<FetchOutcome>();
        foreach (var source in manifest.Sources)
            outcomes.Add(await FetchAsync(source, progress, cancellationToken));
        return outcomes;
    }

    public async Task<FetchOutcome> FetchAsync(SourceEntry source, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = CachePathOf(source);
        if (IsCached(source))
        {
            progress?.Report(new FetchProgress(source.Id, source.Bytes ?? 0, source.Bytes, "cache"));
            return new FetchOutcome(source, target, "cache", AlreadyCached: true);
        }

        if (source.Added is { } added)
        {
            // An added edition exists only in this cache: no mirror or upstream can hold it.
            throw new DataFetchException(source, [new FetchAttempt($"cache {target}",
                $"the file added on {added.AddedAt:yyyy-MM-dd} ({added.OriginalName}) is missing or changed; add it again with `vesiting data add {source.Id} FILE`, or go back to the built-in edition with `vesiting data reset {source.Id}`")]);
        }

        var attempts = new List<FetchAttempt>();
        foreach (var mirror in MirrorDirectories)
        {
            var candidate = Path.Combine(mirror, source.File);
            var place = $"mirror {candidate}";
            if (!File.Exists(candidate))
            {
                attempts.Add(new FetchAttempt(place, Directory.Exists(mirror) ? "file not found" : "mirror folder does not exist"));
                continue;
            }
            var reason = await TryCopyAsync(source, place, target, token => Task.FromResult<Stream>(File.OpenRead(candidate)), new FileInfo(candidate).Length, progress, cancellationToken);
            if (reason is null)
                return new FetchOutcome(source, target, place, AlreadyCached: false);
            attempts.Add(new FetchAttempt(place, reason));
        }

        if (source.Upstream is { } upstream)
        {
            var place = $"upstream {upstream}";
            var reason = await TryDownloadAsync(source, place, upstream, target, progress, cancellationToken);
            if (reason is null)
                return new FetchOutcome(source, target, place, AlreadyCached: false);
            attempts.Add(new FetchAttempt(place, reason));
        }
        else
        {
            attempts.Add(new FetchAttempt("upstream", source.DerivedFrom is null
                ? "the manifest names no byte-identical upstream address"
                : $"none: the file is derived from {source.DerivedFrom}"));
        }
        throw new DataFetchException(source, attempts);
    }

    private async Task<string?> TryDownloadAsync(SourceEntry source, string place, string url, string target, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var client = http ?? SharedHttp.Value;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            var length = response.Content.Headers.ContentLength ?? source.Bytes;
            return await TryCopyAsync(source, place, target, response.Content.ReadAsStreamAsync, length, progress, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out after {client.Timeout.TotalSeconds:0} s";
        }
    }

    /// <summary>Copies to a temporary file, verifies the checksum, then moves it into place. Returns null on success, else the reason.</summary>
    private static async Task<string?> TryCopyAsync(SourceEntry source, string place, string target, Func<CancellationToken, Task<Stream>> open,
        long? length, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Unique per attempt: several fetches (threads or processes) may fill the same cache at once.
        var temporary = target + $".{Guid.NewGuid():N}.partial";
        try
        {
            await using (var input = await open(cancellationToken))
            await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                long done = 0;
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    done += read;
                    progress?.Report(new FetchProgress(source.Id, done, length, place));
                }
            }
            var actual = Checksums.Sha256Of(temporary);
            if (!string.Equals(actual, source.Sha256, StringComparison.OrdinalIgnoreCase))
                return $"checksum mismatch (expected {source.Sha256}, got {actual})";
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            return e.Message;
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });
}
