using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Endpoints;
using VeSiting.Api.Hosting;
using VeSiting.Stores.Tests.Conformance;

namespace VeSiting.Stores.Tests.Api;

/// <summary>
/// The HTTP service on PostGIS (the built-in data imported: 1,326 sample addresses, none in Thisted, no dwelling units)
/// says when the address data does not cover a municipality and which household basis it used, as on the embedded store.
/// </summary>
public sealed class AddressCoverageOnPostGisTests(PostGisStores stores) : IClassFixture<PostGisStores>
{
    private WebApplicationFactory<ServiceData> Service() =>
        new WebApplicationFactory<ServiceData>().WithWebHostBuilder(b =>
        {
            b.UseSetting("VeSiting:Year", "2026");
            b.UseSetting("VeSiting:Database", stores.ConnectionStrings[1]);
        });

    [Fact]
    public async Task Classifying_thisted_and_its_municipality_report_say_the_address_data_holds_none_there()
    {
        using var service = Service();
        var client = service.CreateClient();

        var classified = await client.GetAsync("/api/classify?municipality=787");
        classified.EnsureSuccessStatusCode();
        // FOLK1A 2024: 42,989 persons in Thisted; / 2.13 persons per dwelling = 20,182.6.
        Assert.StartsWith("the address data holds 0 addresses in 0787 Thisted, where its population (42,989) implies about 20,183 dwellings",
            Assert.Single(classified.Headers.GetValues(ClassifyEndpoints.CoverageHeader)));
        Assert.Equal("no addresses, so no households", Assert.Single(classified.Headers.GetValues(ClassifyEndpoints.HouseholdsHeader)));

        using var report = JsonDocument.Parse(await client.GetStringAsync("/api/assess/municipality/787"));
        var coverage = report.RootElement.GetProperty("addressCoverage");
        Assert.Equal(("0787", 0, false), (coverage.GetProperty("municipalityCode").GetString(), coverage.GetProperty("addresses").GetInt32(), coverage.GetProperty("covered").GetBoolean()));
    }

    [Fact]
    public async Task Classifying_kalundborg_counts_one_household_per_access_address()
    {
        using var service = Service();
        var classified = await service.CreateClient().GetAsync("/api/classify?municipality=326");

        // The DAR sample holds 78 addresses with municipality code 0326 (Kalundborg) and no unit addresses.
        Assert.Equal("one household per access address: the address data gives no dwelling units, so 78 access address(es) count as 78 household(s)",
            Assert.Single(classified.Headers.GetValues(ClassifyEndpoints.HouseholdsHeader)));
    }
}
