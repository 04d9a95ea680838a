using System.Text.Json;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// The whole OpenAPI document: every operation declares the problems it can answer (bad input, unavailable store,
/// fault), and every problem status carries the problem+json schema with the title, status and detail of RFC 7807.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiResponsesTests(ApiFactory factory)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_problem_status_of_every_operation_has_the_problem_schema()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var missing = new List<string>();
        var operations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                foreach (var required in new[] { "500", "503" })
                    if (!responses.TryGetProperty(required, out _))
                        missing.Add($"{where}: no {required}");
                if (operation.Value.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0 && !responses.TryGetProperty("400", out _))
                    missing.Add($"{where}: parameters but no 400");
                foreach (var response in responses.EnumerateObject().Where(r => int.TryParse(r.Name, out var s) && s >= 400))
                {
                    if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var media)
                        || !media.TryGetProperty("schema", out var schema))
                    {
                        missing.Add($"{where} {response.Name}: no problem+json schema");
                        continue;
                    }
                    var properties = Resolve(root, schema).GetProperty("properties");
                    foreach (var member in new[] { "title", "status", "detail" })
                        if (!properties.TryGetProperty(member, out _))
                            missing.Add($"{where} {response.Name}: the schema has no {member}");
                }
            }
        }
        Assert.True(operations > 20, $"only {operations} operations in the document");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_success_response_of_every_operation_has_a_schema()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var successes = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                if (successes.Count == 0)
                    missing.Add($"{where}: no success response");
                foreach (var response in successes.Where(r => r.Name != "204"))
                {
                    if (!response.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().Any()
                        || content.EnumerateObject().Any(m => !m.Value.TryGetProperty("schema", out _)))
                        missing.Add($"{where} {response.Name}: no schema");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>The question endpoints that return their refusals as results declare each status they answer, with its schema.</summary>
    [Theory]
    [InlineData("/api/assess/site", "get", "200 400 404 500 503")]
    [InlineData("/api/assess/municipality/{code}", "get", "200 400 404 500 503")]
    [InlineData("/api/assess/plant/{gsrn}", "get", "200 400 404 422 500 503")]
    [InlineData("/api/assess/project", "post", "200 400 413 415 500 503")]
    [InlineData("/api/scenarios/{id}/impact", "get", "200 400 404 500 503")]
    [InlineData("/api/projects/{id}/assessment", "get", "200 400 404 500 503")]
    public async Task A_question_endpoint_declares_every_status_it_answers(string path, string method, string statuses)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        foreach (var status in statuses.Split(' '))
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path}: no {status}");
            var content = response.GetProperty("content");
            var media = status.StartsWith('2') ? content.EnumerateObject().First().Value : content.GetProperty("application/problem+json");
            Assert.True(media.TryGetProperty("schema", out _), $"{method} {path} {status}: no schema");
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
            return schema;
        var target = root;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            target = target.GetProperty(part);
        return target;
    }
}
