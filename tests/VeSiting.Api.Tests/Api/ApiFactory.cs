using Microsoft.AspNetCore.Mvc.Testing;

namespace VeSiting.Api.Tests.Api;

/// <summary>The service in-process on the embedded engine with the real default data (one instance for all API tests).</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:MaxRequestBodyBytes", "200000").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0")
            .UseSetting("VeSiting:HeavyTimeLimitSeconds", "600"); // a shared, loaded test machine: the limit itself is tested in HeavyWorkTests
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
