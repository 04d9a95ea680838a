namespace VeSiting.Api.Hosting;

/// <summary>Service settings, bound from the "VeSiting" configuration section (appsettings, VeSiting__… environment variables); the database's are in <see cref="VeSiting.Stores.PostGis.DatabaseOptions"/>.</summary>
public sealed class VeSitingOptions
{
    public const string Section = "VeSiting";

    /// <summary>Where fetched source files are cached; default .cache/geodata (or VESITING_CACHE).</summary>
    public string? CacheDirectory { get; set; }
    /// <summary>Mirror folders to fetch sources from; default ../shared/geodata (or the manifest's mirror variable).</summary>
    public string[] MirrorFolders { get; set; } = [];
    /// <summary>Extra folders of spin-off siting profiles.</summary>
    public string[] ProfileFolders { get; set; } = [];
    /// <summary>Extra rule folders (user rule sets, price stacks, scenarios).</summary>
    public string[] RuleFolders { get; set; } = [];
    /// <summary>Price-stack year; default the current year.</summary>
    public int? Year { get; set; }
    /// <summary>Origins allowed by CORS; empty = same origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];
    public long MaxRequestBodyBytes { get; set; } = 1_000_000;
    /// <summary>Largest source file <c>POST /api/imports</c> accepts (the national address file is several hundred MB); only for requests with an API key.</summary>
    public long MaxUploadBytes { get; set; } = 2_000_000_000;
    /// <summary>Requests per client address and minute to the expensive endpoints (projects, municipalities, siting, classification); 0 = unlimited.</summary>
    public int ExpensiveRequestsPerMinute { get; set; } = 120;
    public int MaxPlantsPerProject { get; set; } = 500;
    /// <summary>Heavy requests (siting, classification, municipality and project assessments) computed at once; more wait in a queue.</summary>
    public int HeavyConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);
    /// <summary>Heavy requests that may wait for a slot; more are answered 503 with Retry-After.</summary>
    public int HeavyQueueLength { get; set; } = 8;
    /// <summary>Seconds a heavy request may wait and compute before it is cancelled and answered 503 with Retry-After; 0 = no limit.</summary>
    public double HeavyTimeLimitSeconds { get; set; } = 120;
    /// <summary>Most vertices the geometries of one request body may have together (solar areas, candidate parcels, point layers).</summary>
    public int MaxVerticesPerRequest { get; set; } = 100_000;
    public int MaxFeaturesPerTile { get; set; } = 20_000;
    /// <summary>
    /// Memory for cached siting rasters (the rasters of /api/sites and the suitability tiles, with the inputs that explain
    /// their sites), in MiB; least recently used rasters are evicted beyond it, and one larger than it is not cached.
    /// </summary>
    public int SitingCacheMegabytes { get; set; } = 512;

    /// <summary>Memory for rendered tiles (ASP.NET Core output cache, keyed by data version); 0 = no tile cache (every request renders; for benchmarks).</summary>
    public int TileCacheMegabytes { get; set; } = 256;
    /// <summary>
    /// Keys that allow writes (imports, publishing rule sets, saving projects): each the key itself (≥ 16 characters) or
    /// "sha256:" and its hex hash. From configuration or VeSiting__ApiKeys__0 …, never from the repository. None = writes off.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];
    /// <summary>Files holding such keys, one per line (Docker or Kubernetes secrets, e.g. /run/secrets/api_key), so that neither configuration nor the environment holds them.</summary>
    public string[] ApiKeyFiles { get; set; } = [];
    /// <summary>Whether reads (API, tiles, OpenAPI) also need an API key; /health and the web map's files stay open.</summary>
    public bool RequireKeyForReads { get; set; }
    /// <summary>Where the service keeps what it writes (saved projects, published rule sets); default .data under the repository.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Where the service keeps what it writes: <see cref="StateDirectory"/>, or .data in the repository (ignored by git).</summary>
    public string StateDirectoryIn(Data.Sources.ProjectLayout layout) =>
        StateDirectory is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(layout.Root, ".data");
    /// <summary>The public base URL (e.g. https://vesiting.example.dk) of absolute links and TileJSON tile URLs; unset = the address the request arrived at.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>Reverse proxies (IP addresses or CIDR networks) whose X-Forwarded-For and X-Forwarded-Proto are believed; none = no forwarded headers.</summary>
    public string[] ForwardedProxies { get; set; } = [];
    /// <summary>An optional external MapLibre style URL for the web map; none = boundaries are the base map.</summary>
    public string? ExternalStyleUrl { get; set; }
    /// <summary>Base maps offered beneath VeSiting's layers besides the offline one (see <see cref="BaseMapOptions"/>).</summary>
    public List<BaseMapOptions> BaseMaps { get; set; } = [];
}
