namespace VeSiting.Data.Importers.Dst;

/// <summary>
/// Names under which a municipality appears in other publications than DAGI (Statistics Denmark writes
/// "Nordfyns", DAGI "Nordfyn"), mapped to the municipality code. Kept as data in
/// <c>geodata/municipality-name-aliases.json</c> so a new spelling is a data change, not a code change.
/// </summary>
public sealed record MunicipalityNameAliases(IReadOnlyDictionary<string, string> Aliases)
{
    public const string FileName = "municipality-name-aliases.json";

    public static MunicipalityNameAliases None { get; } = new(new Dictionary<string, string>());

    public static MunicipalityNameAliases Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.GetProperty("aliases").EnumerateObject())
            {
                var code = property.Value.GetString();
                if (code is null || code.Length != 4 || !code.All(char.IsDigit))
                    throw new InvalidDataException($"{path}: alias '{property.Name}' must map to a four-digit municipality code, not '{property.Value}'");
                aliases[property.Name] = code;
            }
            return new MunicipalityNameAliases(aliases);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: expected {{\"aliases\": {{\"name\": \"0480\", …}}}}: {e.Message}", e);
        }
    }
}
