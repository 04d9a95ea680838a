using System.Text.Json;

namespace VeSiting.Cli.Commands;

/// <summary>A layout file's name as the service reads it: the GeoJSON's <c>name</c> member, else the file's name without its extension.</summary>
internal static class LayoutFile
{
    public static string Name(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                && n.GetString() is { Length: > 0 } name)
                return name;
        }
        catch (JsonException)
        {
            // not JSON: the reader of the layout says why; the file's name stands in here
        }
        return Path.GetFileNameWithoutExtension(file);
    }
}
