using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace VeSiting.Api.Tests.Browser;

/// <summary>
/// The service on a real Kestrel port on loopback, and Debian's Chromium (/usr/bin/chromium) driven by Playwright
/// with no browser download. The test command installs Chromium where it is missing.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly WebApplicationFactory<Program> _factory;

    /// <summary>Two base maps served by the tests themselves (Playwright answers http://basemap.test, see BaseMapTests).</summary>
    public BrowserFixture() : this(
        ("VeSiting:BaseMaps:0:Name", "Test raster"), ("VeSiting:BaseMaps:0:Url", "http://basemap.test/tiles/{z}/{x}/{y}.png"),
        ("VeSiting:BaseMaps:0:KeyParameter", "token"), ("VeSiting:BaseMaps:0:Key", "test-token"), ("VeSiting:BaseMaps:0:Attribution", "Test raster base map"),
        ("VeSiting:BaseMaps:1:Name", "Test style"), ("VeSiting:BaseMaps:1:Url", "http://basemap.test/style.json"))
    { }

    protected BrowserFixture(params (string Key, string Value)[] settings)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            // A free port chosen by the system, so fixtures (and other services on the machine) never collide.
            b.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });
    }

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"Browser tests need Chromium at {Chromium}: `apt-get install chromium` (bash scripts/test.sh installs it).");
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-unsafe-swiftshader", "--lang=en-GB"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run on their own, after the collections that run in parallel: the heavy-work tests compute
/// national rasters on every core of this test process, and the page's requests then waited past the browser's
/// timeouts (seen in full runs only; the browser tests alone pass).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
