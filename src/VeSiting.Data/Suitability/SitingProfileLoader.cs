using System.Security.Cryptography;
using VeSiting.Core.Suitability;
using VeSiting.Core.Suitability.Criteria;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;

namespace VeSiting.Data.Suitability;

/// <summary>Spin-off siting profiles from <c>geodata/siting/profiles</c> and user folders, validated against their schema.</summary>
public sealed class SitingProfileLoader(string geodataDirectory)
{
    /// <summary>Most criteria a profile may have (the built-in ones have five or six; each costs a raster band).</summary>
    public const int MaxCriteria = 32;

    /// <summary>Largest weight of a criterion: weights are relative, and a sum of huge weights overflows.</summary>
    public const double MaxWeight = 1_000_000;

    /// <summary>
    /// Largest magnitude of a criterion's bounds and radius (worst, best, requiredMin/Max, radius): above any value a
    /// criterion measures (metres, MW, people, DKK/kWh, tonnes), far below where arithmetic on it overflows.
    /// </summary>
    public const double MaxMagnitude = 1e9;

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
        using (var document = RuleJson.Parse(json, name))
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("criteria", out var all) && all.ValueKind == JsonValueKind.Array
                && all.GetArrayLength() > MaxCriteria)
                throw new RuleFileException(name, "$.criteria", $"{all.GetArrayLength()} criteria; a profile has at most {MaxCriteria}");
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
                CheckNumbers(name, c, i, spec);
                var criterion = SitingCriteria.Find(spec.Criterion)!; // the schema lists the registered ids (a test checks they agree)
                if (criterion.NeedsLayer && spec.Layer is null)
                    throw new RuleFileException(name, $"$.criteria[{i}].layer", $"criterion {spec.Criterion} needs the name of a user layer");
                if (spec.Level is not null && !criterion.TakesLevel)
                    throw new RuleFileException(name, $"$.criteria[{i}].level", $"only {string.Join(", ", SitingCriteria.All.Where(c => c.TakesLevel).Select(c => c.Id))} criteria take a level, not {spec.Criterion}");
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

    /// <summary>Every number of a criterion finite and in range, worst and best apart, and the required range not empty.</summary>
    private static void CheckNumbers(string name, JsonElement criterion, int index, CriterionSpec spec)
    {
        string Path(string member) => $"$.criteria[{index}].{member}";
        string Raw(string member) => criterion.GetProperty(member).GetRawText();
        if (!double.IsFinite(spec.Weight) || spec.Weight > MaxWeight)
            throw new RuleFileException(name, Path("weight"), $"{Raw("weight")} is not a finite weight from 0 to {MaxWeight:0}");
        foreach (var (member, value) in new[] { ("worst", (double?)spec.Worst), ("best", spec.Best), ("requiredMin", spec.RequiredMin), ("requiredMax", spec.RequiredMax), ("radius", spec.RadiusM) })
        {
            if (value is { } v && !(double.IsFinite(v) && Math.Abs(v) <= MaxMagnitude))
                throw new RuleFileException(name, Path(member), $"{Raw(member)} is not a finite number from -{MaxMagnitude:0} to {MaxMagnitude:0}");
        }
        if (spec.Worst == spec.Best)
            throw new RuleFileException(name, Path("best"), $"equals worst ({Raw("worst")}): a criterion scores between two different values");
        if (spec.RequiredMin is { } min && spec.RequiredMax is { } max && min > max)
            throw new RuleFileException(name, Path("requiredMin"), $"{Raw("requiredMin")} is above requiredMax ({Raw("requiredMax")}): no value could pass");
    }

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
