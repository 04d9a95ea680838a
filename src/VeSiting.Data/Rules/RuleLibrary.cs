using System.Security.Cryptography;
using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;

namespace VeSiting.Data.Rules;

/// <summary>
/// Every rule set, price stack, tariff scenario and consumption profile, loaded from <c>geodata/rules</c>
/// and <c>geodata/tariffs</c> plus any user folders (whose rule sets win where periods overlap). Each file
/// is validated against its schema in <c>geodata/schemas</c>; the kind of file is told by its content.
/// </summary>
public sealed record RuleLibrary(
    RuleBook Rules,
    IReadOnlyDictionary<int, PriceStack> PriceStacks,
    IReadOnlyDictionary<string, TariffScenario> Scenarios,
    IReadOnlyDictionary<string, ConsumptionProfile> Profiles)
{
    public const string UserRulesVariable = "VESITING_RULES";

    /// <summary>The year's price stack, or the latest earlier one carried forward (and flagged); none before the earliest.</summary>
    public PriceStack PriceStack(int year) =>
        PriceStackChoice.For(PriceStacks, year) ?? throw new KeyNotFoundException(PriceStackChoice.NoStackReason(PriceStacks, year));

    public TariffScenario Scenario(string id) =>
        Scenarios.TryGetValue(id, out var scenario) ? scenario
        : throw new KeyNotFoundException($"No tariff scenario '{id}'; available: {string.Join(", ", Scenarios.Keys.Order())}");

    public ConsumptionProfile Profile(string id) =>
        Profiles.TryGetValue(id, out var profile) ? profile
        : throw new KeyNotFoundException($"No consumption profile '{id}'; available: {string.Join(", ", Profiles.Keys.Order())}");

    /// <summary>Loads the project's rule data from <paramref name="geodataDirectory"/>, then each user folder in turn.</summary>
    public static RuleLibrary Load(string geodataDirectory, IEnumerable<string>? userDirectories = null)
    {
        var schemas = Path.Combine(geodataDirectory, "schemas");
        var loader = new Loader(
            new SchemaValidator(Path.Combine(schemas, "rule-set.schema.json")),
            new SchemaValidator(Path.Combine(schemas, "price-stack.schema.json")),
            new SchemaValidator(Path.Combine(schemas, "tariff-scenario.schema.json")),
            new SchemaValidator(Path.Combine(schemas, "consumption-profile.schema.json")));
        foreach (var folder in new[] { "rules", "tariffs" })
            loader.LoadFolder(Path.Combine(geodataDirectory, folder), priority: 0);
        var priority = 1;
        foreach (var user in userDirectories ?? [])
        {
            if (!Directory.Exists(user))
                throw new DirectoryNotFoundException($"Rule folder {user} does not exist");
            loader.LoadFolder(user, priority++);
        }
        return loader.Build();
    }

    private sealed class Loader(SchemaValidator ruleSchema, SchemaValidator stackSchema, SchemaValidator scenarioSchema, SchemaValidator profileSchema)
    {
        private readonly List<RuleSet> _rules = [];
        private readonly Dictionary<int, PriceStack> _stacks = [];
        private readonly Dictionary<string, TariffScenario> _scenarios = [];
        private readonly Dictionary<string, ConsumptionProfile> _profiles = [];

        public void LoadFolder(string folder, int priority)
        {
            if (!Directory.Exists(folder))
                return;
            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                LoadFile(file, priority);
        }

        private void LoadFile(string file, int priority)
        {
            var bytes = File.ReadAllBytes(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            using (var document = RuleJson.Parse(bytes, file))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new RuleFileException(file, "$", "expected a JSON object");
                if (root.TryGetProperty("scheme", out _))
                {
                    ruleSchema.Validate(root, file);
                    _rules.Add(ReadRuleSet(root, file, hash, priority));
                }
                else if (root.TryGetProperty("components", out _))
                {
                    stackSchema.Validate(root, file);
                    var stack = ReadPriceStack(root, file, hash);
                    _stacks[stack.Year] = stack;
                }
                else if (root.TryGetProperty("zones", out _))
                {
                    scenarioSchema.Validate(root, file);
                    var scenario = ReadScenario(root, file, hash);
                    _scenarios[scenario.Id] = scenario;
                }
                else if (root.TryGetProperty("annualKwh", out _))
                {
                    profileSchema.Validate(root, file);
                    var profile = ReadProfile(root, file);
                    _profiles[profile.Id] = profile;
                }
                else
                {
                    throw new RuleFileException(file, "$", "not a rule set (scheme), price stack (components), tariff scenario (zones) or consumption profile (annualKwh)");
                }
            }
        }

        public RuleLibrary Build()
        {
            foreach (var duplicate in _rules.GroupBy(r => (r.Id, r.Version, r.Priority)).Where(g => g.Count() > 1))
                throw new RuleFileException(duplicate.Last().File, "$.version", $"rule set {duplicate.Key.Id} version {duplicate.Key.Version} is also defined in {duplicate.First().File}");
            RuleBook book;
            try
            {
                book = new RuleBook(_rules);
            }
            catch (ArgumentException e)
            {
                throw new RuleFileException(_rules.Last().File, "$.permitPeriod", e.Message, e);
            }
            return new RuleLibrary(book, _stacks, _scenarios, _profiles);
        }

        private static RuleSet ReadRuleSet(JsonElement root, string file, string hash, int priority)
        {
            var period = root.GetProperty("permitPeriod");
            var from = Date(period.GetProperty("from"));
            DateOnly? to = period.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.String ? Date(t) : null;
            if (to < from)
                throw new RuleFileException(file, "$.permitPeriod.to", $"ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            var values = root.GetProperty("values").EnumerateObject().ToDictionary(v => v.Name, v => Value(v.Value));
            return new RuleSet
            {
                Id = root.GetProperty("id").GetString()!,
                Version = root.GetProperty("version").GetString()!,
                Scheme = root.GetProperty("scheme").GetString()!,
                Title = root.GetProperty("title").GetString()!,
                Description = Text(root, "description"),
                LegalBasis = Text(root, "legalBasis"),
                Period = new PermitPeriod(from, to),
                Values = values,
                Sha256 = hash,
                File = file,
                Priority = priority,
                Exclusions = root.TryGetProperty("exclusions", out var exclusions) ? [.. exclusions.EnumerateArray().Select((e, i) => Exclusion(e, file, i))] : [],
            };
        }

        private static EligibilityExclusion Exclusion(JsonElement e, string file, int index)
        {
            Geometry area;
            try
            {
                area = GeometryTransforms.FactoryFor(Epsg.Utm32).CreateGeometry(new NetTopologySuite.IO.WKTReader().Read(e.GetProperty("wkt").GetString()));
            }
            catch (NetTopologySuite.IO.ParseException ex)
            {
                throw new RuleFileException(file, $"$.exclusions[{index}].wkt", $"not a polygon in WKT: {ex.Message}", ex);
            }
            if (area is not (Polygon or MultiPolygon) || !area.IsValid)
                throw new RuleFileException(file, $"$.exclusions[{index}].wkt", "must be a valid polygon or multipolygon (EPSG:25832)");
            return new EligibilityExclusion(e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("kind").GetString()!, area,
                e.GetProperty("source").GetString()!, ConfidenceOf(e), Text(e, "note"));
        }

        private static RuleValue Value(JsonElement v) => new(
            v.GetProperty("value").GetDouble(),
            v.GetProperty("unit").GetString()!,
            v.GetProperty("source").GetString()!,
            ConfidenceOf(v),
            Text(v, "note"));

        private static PriceStack ReadPriceStack(JsonElement root, string file, string hash)
        {
            var c = root.GetProperty("components");
            var dso = c.GetProperty("dsoTariff");
            return new PriceStack
            {
                Id = root.GetProperty("id").GetString()!,
                Version = root.GetProperty("version").GetString()!,
                Year = root.GetProperty("year").GetInt32(),
                Title = root.GetProperty("title").GetString()!,
                Spot = Flat(c.GetProperty("spot")),
                SupplierMargin = Flat(c.GetProperty("supplierMargin")),
                DsoTariff = new DsoTariff(TimeOfUse(dso.GetProperty("summer")), TimeOfUse(dso.GetProperty("winter")), dso.GetProperty("source").GetString()!, ConfidenceOf(dso),
                    Text(dso, "note"), Text(dso, "url"), ReadDate(dso)),
                EnerginetTariffs = Flat(c.GetProperty("energinetTariffs")),
                Elafgift = Flat(c.GetProperty("elafgift")),
                VatRate = root.GetProperty("vatRate").GetDouble(),
                FixedCharges = root.TryGetProperty("fixedCharges", out var fixedCharges)
                    ? fixedCharges.EnumerateArray().Select(f => new FixedCharge(f.GetProperty("id").GetString()!, f.GetProperty("title").GetString()!,
                        f.GetProperty("dkkPerYear").GetDouble(), f.GetProperty("source").GetString()!, ConfidenceOf(f), Text(f, "note"), Text(f, "url"), ReadDate(f))).ToList()
                    : [],
                ProcessRefund = root.TryGetProperty("processRefund", out var refund)
                    ? new ProcessRefund(refund.GetProperty("orePerKwh").GetDouble(), refund.GetProperty("legalBasis").GetString()!, refund.GetProperty("source").GetString()!,
                        ConfidenceOf(refund), Text(refund, "note"), Text(refund, "url"), ReadDate(refund))
                    : null,
                Sha256 = hash,
                File = file,
            };
        }

        private static FlatComponent Flat(JsonElement e) =>
            new(e.GetProperty("orePerKwh").GetDouble(), e.GetProperty("source").GetString()!, ConfidenceOf(e), Text(e, "note"), Text(e, "url"), ReadDate(e));

        private static DateOnly? ReadDate(JsonElement e) => e.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.String ? Date(read) : null;

        private static TimeOfUse TimeOfUse(JsonElement e) =>
            new(e.GetProperty("low").GetDouble(), e.GetProperty("high").GetDouble(), e.GetProperty("peak").GetDouble());

        private static TariffScenario ReadScenario(JsonElement root, string file, string hash)
        {
            var covered = root.GetProperty("coveredPlants");
            var zones = root.GetProperty("zones").EnumerateArray().Select(z => new TariffZone(
                z.GetProperty("id").GetString()!,
                z.GetProperty("label").GetString()!,
                Number(z, "maxDistance"),
                Number(z, "maxMultipleOfH"),
                Number(z, "minScore"),
                z.GetProperty("discounts").EnumerateObject().ToDictionary(d => ComponentOf(d.Name), d => d.Value.GetDouble()))).ToList();
            var ids = zones.GroupBy(z => z.Id).FirstOrDefault(g => g.Count() > 1);
            if (ids is not null)
                throw new RuleFileException(file, "$.zones", $"zone id '{ids.Key}' appears more than once");
            return new TariffScenario
            {
                Id = root.GetProperty("id").GetString()!,
                Version = root.GetProperty("version").GetString()!,
                Title = root.GetProperty("title").GetString()!,
                Description = Text(root, "description"),
                Basis = root.GetProperty("basis").GetString() == "capacity-weighted" ? ZoneBasis.CapacityWeighted : ZoneBasis.Distance,
                WeightingRadiusM = Number(root, "weightingRadius"),
                CoveredPlants = new CoveredPlantFilter(
                    covered.GetProperty("kinds").EnumerateArray().Select(k => Enum.Parse<PlantKind>(k.GetString()!)).ToHashSet(),
                    covered.TryGetProperty("statuses", out var s) ? s.EnumerateArray().Select(k => Enum.Parse<PlantStatus>(k.GetString()!)).ToHashSet() : [],
                    Number(covered, "minWindTotalHeight"),
                    Number(covered, "minSolarCapacityKw"))
                {
                    ConnectedFrom = Text(covered, "connectedFrom") is { } from
                        ? DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                            : throw new RuleFileException(file, "$.coveredPlants.connectedFrom", $"'{from}' is not a date yyyy-mm-dd")
                        : null,
                },
                Zones = zones,
                Sha256 = hash,
                File = file,
            };
        }

        private static ConsumptionProfile ReadProfile(JsonElement root, string file)
        {
            var shares = root.GetProperty("shares");
            var profile = new ConsumptionProfile(
                root.GetProperty("id").GetString()!,
                root.GetProperty("title").GetString()!,
                root.GetProperty("annualKwh").GetDouble(),
                new TimeOfUseShares(TimeOfUse(shares.GetProperty("summer")), TimeOfUse(shares.GetProperty("winter"))),
                Text(root, "customer") == "firm" ? Customer.Firm : Customer.Household,
                root.TryGetProperty("processRefund", out var refund) && refund.GetBoolean());
            if (Math.Abs(profile.Shares.Sum - 1) > 0.001)
                throw new RuleFileException(file, "$.shares", $"time-of-use shares sum to {profile.Shares.Sum.ToString("0.###", CultureInfo.InvariantCulture)}, not 1");
            if (profile.ProcessRefund && profile.Customer != Customer.Firm)
                throw new RuleFileException(file, "$.processRefund", "the process refund of elafgift is for VAT-registered firms only: add \"customer\": \"firm\"");
            return profile;
        }

        private static PriceComponent ComponentOf(string name) => name switch
        {
            "spot" => PriceComponent.Spot,
            "supplierMargin" => PriceComponent.SupplierMargin,
            "dsoTariff" => PriceComponent.DsoTariff,
            "energinetTariffs" => PriceComponent.EnerginetTariffs,
            "elafgift" => PriceComponent.Elafgift,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown price component"),
        };

        private static Confidence ConfidenceOf(JsonElement e) => e.GetProperty("confidence").GetString() switch
        {
            "confirmed" => Confidence.Confirmed,
            "reported" => Confidence.Reported,
            _ => Confidence.Unconfirmed,
        };

        private static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
    }
}
