using Microsoft.AspNetCore.Mvc.Testing;

namespace VeSiting.Api.Tests.Security;

/// <summary>The hostile-input catalogue against the service on the embedded engine.</summary>
public sealed class HostileInputCatalogueTests(HostileInputCatalogueTests.Service service)
    : HostileInputCatalogueContract, IClassFixture<HostileInputCatalogueTests.Service>
{
    public sealed class Service : WebApplicationFactory<Program>
    {
        public string State { get; } = Directory.CreateTempSubdirectory("vesiting-hostile-").FullName;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0")
                .UseSetting("VeSiting:ApiKeys:0", Key).UseSetting("VeSiting:StateDirectory", State);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(State))
                Directory.Delete(State, recursive: true);
        }
    }

    private readonly HttpClient _client = service.CreateClient();

    protected override HttpClient Client => _client;
}
