using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Security;

/// <summary>What the independent probe of hostile requests found (#25), each answered as a problem the application owns.</summary>
public sealed class ProbeFindingsTests : IClassFixture<ProbeFindingsTests.Service>
{
    public sealed class Service : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("VeSiting:Year", "2026").UseSetting("VeSiting:ExpensiveRequestsPerMinute", "0");
    }

    private readonly HttpClient _client;

    public ProbeFindingsTests(Service service) => _client = service.CreateClient();

    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/..%2Fappsettings.json")]
    public async Task An_openapi_document_that_does_not_exist_is_a_problem(string path)
    {
        var response = await _client.GetAsync(path);
        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "documentName");
    }

    [Theory]
    // {"cell": } : the '}' where a value should start is the tenth character of the first line ({ " c e l l " : space }).
    [InlineData("/api/sites", "{\"cell\": }", 1, 10)]
    // "type":} on the second line: the '}' is its eighth character (" t y p e " : }).
    [InlineData("/api/assess/project", "{\n\"type\":}", 2, 8)]
    public async Task A_json_syntax_error_says_where_in_plain_words(string path, string body, int line, int column)
    {
        var response = await _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var reason = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains($"line {line}, column {column}", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("|", reason, StringComparison.Ordinal);
    }
}
