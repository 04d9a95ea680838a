using System.Security.Cryptography;
using System.Text.Json;
using VeSiting.Core.Suitability;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;

namespace VeSiting.Data.Suitability;

/// <summary>Spin-off siting profiles from <c>geodata/siting/profiles</c> and user folders, validated against their schema.</summary>
public sealed class SitingProfileLoader(string geodataDirectory)
{
    private readonly SchemaValidator _schema = new(Path.Combine(geodataDirectory, "schemas", "siting-profile.schema.json"));

    /// <summary>Every profile by id; later folders (a user's) replace earlier ones with the same id.</summary>
    public IReadOnlyDictionary<string, SitingProfile> LoadAll(IEnumerable<string>? userFolders = null)
    {
        var profiles = new Dictionary<string, SitingProfile>();
        foreach (var folder in new[] { Path.Combine(geodataDirectory, "siting", "profiles") }.Concat(userFolders ?? []))
        {
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException($"Profile folder {folder} does not exist");
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var profile = LoadFile(file);
                profiles[profile.Id] = profile;
            }
        }
        return profiles;
    }

    public SitingProfile LoadFile(string file) => Parse(File.ReadAllBytes(file), file);

    /// <summary>A profile from JSON text (a request body); <paramref name="name"/> names it in errors.</summary>
    public SitingProfile Parse(byte[] json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new RuleFileException(name, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            _schema.Validate(root, name);
            var tou = root.GetProperty("consumption").GetProperty("timeOfUse");
            var (low, high, peak) = (tou.GetProperty("low").GetDouble(), tou.GetProperty("high").GetDouble(), tou.GetProperty("peak").GetDouble());
            if (low + high + peak <= 0)
                throw new RuleFileException(name, "$.consumption.timeOfUse", "the shares must not all be zero");
            var criteria = root.GetProperty("criteria").EnumerateArray().Select((c, i) =>
            {
                var spec = new CriterionSpec(c.GetProperty("criterion").GetString()!, c.GetProperty("weight").GetDouble(), c.GetProperty("worst").GetDouble(), c.GetProperty("best").GetDouble())
                {
                    RadiusM = Number(c, "radius"),
                    Layer = c.TryGetProperty("layer", out var l) ? l.GetString() : null,
                    Level = c.TryGetProperty("level", out var level) ? level.GetString() : null,
                    RequiredMin = Number(c, "requiredMin"),
                    RequiredMax = Number(c, "requiredMax"),
                    Optional = c.TryGetProperty("optional", out var o) && o.GetBoolean(),
                };
                if (Criteria.Find(spec.Criterion)!.NeedsLayer && spec.Layer is null)
                    throw new RuleFileException(name, $"$.criteria[{i}].layer", $"criterion {spec.Criterion} needs the name of a user layer");
                if (spec.Level is not null && spec.Criterion != "regional-figure")
                    throw new RuleFileException(name, $"$.criteria[{i}].level", $"only regional-figure criteria take a level, not {spec.Criterion}");
                return spec;
            }).ToList();
            if (criteria.Sum(c => c.Weight) <= 0)
                throw new RuleFileException(name, "$.criteria", "at least one weight must be positive");
            return new SitingProfile
            {
                Id = root.GetProperty("id").GetString()!,
                Version = root.GetProperty("version").GetString()!,
                Title = root.GetProperty("title").GetString()!,
                Description = root.TryGetProperty("description", out var d) ? d.GetString() : null,
                Reason = root.TryGetProperty("reason", out var why) ? why.GetString() : null,
                Scenario = root.GetProperty("scenario").GetString()!,
                AnnualKwh = root.GetProperty("consumption").GetProperty("annualKwh").GetDouble(),
                Shares = TimeOfUseShares.Uniform(low, high, peak),
                Criteria = criteria,
                File = name,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(json)),
            };
        }
    }

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
