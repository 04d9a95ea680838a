using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Hosting;
using VeSiting.Api.Tests.Security;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Api;

/// <summary>The hostile-input catalogue of the API tests against the service on PostGIS with the real data.</summary>
public sealed class HostileInputCatalogueOnPostGisTests(HostileInputCatalogueOnPostGisTests.Service service)
    : HostileInputCatalogueContract, IClassFixture<HostileInputCatalogueOnPostGisTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        private readonly string _state = Directory.CreateTempSubdirectory("vesiting-hostile-pg-").FullName;
        private string _database = null!;
        private WebApplicationFactory<ServiceData> _factory = null!;

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await PostGisServer.CreateImportedDatabaseAsync(await RealData.GetAsync());
            _factory = new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b => b.UseSetting("VeSiting:Year", "2026")
                .UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0").UseSetting("VeSiting:ApiKeys:0", Key)
                .UseSetting("VeSiting:StateDirectory", _state).UseSetting("VeSiting:Database", _database));
            Client = _factory.CreateClient();
            Assert.Equal("postgis", System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync("/health")).RootElement.GetProperty("store").GetString());
        }

        public async Task DisposeAsync()
        {
            await _factory.DisposeAsync();
            await PostGisServer.DropDatabaseAsync(_database);
            Directory.Delete(_state, recursive: true);
        }
    }

    protected override HttpClient Client => service.Client;
}
