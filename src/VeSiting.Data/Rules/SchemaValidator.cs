using Json.Schema;

namespace VeSiting.Data.Rules;

/// <summary>Validates JSON files against one of the published schemas in <c>geodata/schemas</c>.</summary>
internal sealed class SchemaValidator
{
    private readonly JsonSchema _schema;
    private readonly string _schemaFile;

    public SchemaValidator(string schemaPath)
    {
        _schemaFile = schemaPath;
        try
        {
            _schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new RuleFileException(schemaPath, "$", $"not a readable JSON Schema: {e.Message}", e);
        }
    }

    /// <summary>Throws a <see cref="RuleFileException"/> naming the first failing location when the document does not match.</summary>
    public void Validate(JsonElement document, string file)
    {
        var results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
            return;
        var failures = (results.Details ?? [])
            // A failing "if" only selects a branch; it is not an error of the document.
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => (Path: ToJsonPath(d.InstanceLocation.ToString()), Keyword: e.Key, Message: e.Value)))
            // The deepest location says most; "if/then" wrappers repeat what their branches report.
            .OrderByDescending(f => f.Path.Length)
            .ToList();
        if (failures.Count == 0)
            throw new RuleFileException(file, "$", $"does not match {Path.GetFileName(_schemaFile)}");
        var first = failures[0];
        var more = failures.Count > 1 ? $" (and {failures.Count - 1} more: {string.Join("; ", failures.Skip(1).Take(3).Select(f => $"{f.Path}: {f.Message}"))})" : "";
        throw new RuleFileException(file, first.Path, $"{first.Message}{more}");
    }

    /// <summary>"/zones/0/discounts" → "$.zones[0].discounts".</summary>
    internal static string ToJsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            path.Append(int.TryParse(segment, out var index) ? $"[{index}]" : $".{segment}");
        }
        return path.ToString();
    }
}
