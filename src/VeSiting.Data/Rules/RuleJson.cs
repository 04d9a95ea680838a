namespace VeSiting.Data.Rules;

/// <summary>
/// Rule, tariff and profile JSON as one parser reads it: comments allowed, at most 64 levels deep; a syntax error is a
/// <see cref="RuleFileException"/> naming the file (or body) and where it broke.
/// </summary>
internal static class RuleJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string name)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new RuleFileException(name, e.Path ?? "$", $"not valid JSON at {JsonSyntax.Describe(e)}", e);
        }
    }
}
