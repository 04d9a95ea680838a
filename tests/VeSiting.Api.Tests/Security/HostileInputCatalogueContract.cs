using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VeSiting.Api.Tests.Security;

/// <summary>
/// Runs every case of <see cref="HostileInputCatalogue"/> against a service: the status, an RFC 7807 problem whose
/// status matches, the field named, a reason in bounded length without .NET or library type names; then /health.
/// One subclass per store (embedded here, PostGIS in VeSiting.Stores.Tests).
/// </summary>
public abstract partial class HostileInputCatalogueContract
{
    public const string Key = "catalogue-key-0123456789";

    protected abstract HttpClient Client { get; }

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in HostileInputCatalogue.All)
                data.Add(c.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_hostile_request_gets_a_problem_naming_the_field_and_the_service_stays_up(string name)
    {
        var c = HostileInputCatalogue.ByName[name];
        using var request = new HttpRequestMessage(c.Method, c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType ?? "application/geo+json");
        }
        if (c.Header is { } header)
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        if (c.NeedsKey)
            request.Headers.Add("X-Api-Key", Key);

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == c.Status, $"{name}: expected {(int)c.Status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal((int)c.Status, json.RootElement.GetProperty("status").GetInt32());
        if (c.Field is not null)
            Assert.True(c.Field == json.RootElement.GetProperty("field").GetString(), $"{name}: expected field {c.Field}: {text}");
        var reason = json.RootElement.GetProperty("reason").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reason), text);
        Assert.True(reason!.Length <= 300, $"{name}: a reason of {reason.Length} characters");
        Assert.DoesNotMatch(TypeNames(), text);

        using var health = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void The_catalogue_has_at_least_300_cases_with_distinct_names() =>
        Assert.True(HostileInputCatalogue.All.Count >= 300, $"{HostileInputCatalogue.All.Count} cases");

    [GeneratedRegex(@"NetTopologySuite|System\.|Microsoft\.|Npgsql|\(Parameter '|Exception|   at ")]
    private static partial Regex TypeNames();
}
