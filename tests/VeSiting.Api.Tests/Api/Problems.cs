using System.Net;
using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

internal static class Problems
{
    /// <summary>Asserts an RFC 7807 problem with the status and field, and returns its reason.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(field, json.RootElement.GetProperty("field").GetString());
        return json.RootElement.GetProperty("reason").GetString()!;
    }
}
