namespace VeSiting.Data.Rules;

/// <summary>A rule, tariff or profile file is broken: names the file, the JSON path and the reason.</summary>
public sealed class RuleFileException(string file, string jsonPath, string reason, Exception? inner = null)
    : Exception($"{file}: {jsonPath}: {reason}", inner)
{
    public string File { get; } = file;
    public string JsonPath { get; } = jsonPath;
    public string Reason { get; } = reason;
}
