using VeSiting.Data.Rules;

namespace VeSiting.Data.Suitability;

/// <summary>Danmarks Statistik's landsdele and their municipalities, from the committed reference file <c>geodata/landsdele.json</c>.</summary>
public static class LandsdelReference
{
    public const string FileName = "landsdele.json";

    public static IReadOnlyList<Landsdel> Load(string geodataDirectory)
    {
        var path = Path.Combine(geodataDirectory, FileName);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.GetProperty("landsdele").EnumerateArray().Select(l => new Landsdel(
                l.GetProperty("code").GetString()!,
                l.GetProperty("name").GetString()!,
                l.GetProperty("region").GetString()!,
                l.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()!).ToList())).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RuleFileException(path, "$.landsdele", $"not a list of landsdele with code, name, region and municipalities: {e.Message}", e);
        }
    }
}
