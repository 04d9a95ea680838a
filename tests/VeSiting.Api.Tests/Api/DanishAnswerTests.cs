using System.Text.Json;
using System.Text.RegularExpressions;

namespace VeSiting.Api.Tests.Api;

/// <summary>
/// A Danish answer is Danish all through: on the real data, the site, project (a registered park) and municipality
/// answers asked with <c>lang=da</c> hold no sentence that only the English catalogue has, and every reason in them is
/// rendered from the Danish template of its code. The phrases are read from the catalogue files, not from the code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class DanishAnswerTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string Messages = Path.Combine(RepositoryRoot(), "src", "VeSiting.Core", "Explanations", "Messages");

    // A site in Copenhagen, the project of one of the eight Thisted turbines (registered park, covered, VE-bonus and green
    // pool), and Thisted municipality (787): the answers a case officer reads.
    [Theory]
    [InlineData("/api/assess/site?address=Eliasgade%2010")]
    [InlineData("/api/assess/plant/570715000002024939")]
    [InlineData("/api/assess/municipality/787")]
    // The spin-off siting answer: every criterion's why, the excluded cells' reasons and the notes (Odense at 1 km; the cell
    // beside a turbine in 730 inside the minimum distance).
    [InlineData("/api/sites?profile=data-centre&area=municipality:0461&cell=1000&limit=5")]
    [InlineData("/api/sites/cell?profile=greenhouse&area=municipality:0730&cell=100&e=552150&n=6252850")]
    public async Task A_danish_answer_holds_no_english_only_sentence(string url)
    {
        var english = Catalogue("en");
        var danish = Catalogue("da");
        var englishOnly = EnglishOnlyPhrases(english, danish);

        // English by design: a technology's key (its words are technologyReason) and the consumption profile's title (data).
        var danishTexts = Texts(await GetAsync(url + (url.Contains('?') ? "&" : "?") + "lang=da"))
            .Where(t => !t.Path.EndsWith(".technology", StringComparison.Ordinal) && t.Path != "$.profile").ToList();
        var englishTexts = Texts(await GetAsync(url + (url.Contains('?') ? "&" : "?") + "lang=en")).ToList();

        // The check has teeth: the same answer in English does hold English-only phrases.
        Assert.Contains(englishTexts, t => englishOnly.Any(p => t.Text.Contains(p, StringComparison.Ordinal)));
        var found = danishTexts.SelectMany(t => englishOnly.Where(p => t.Text.Contains(p, StringComparison.Ordinal)).Select(p => $"{t.Path}: '{p}' in \"{t.Text}\"")).ToList();
        Assert.True(found.Count == 0, $"English in the Danish answer:\n{string.Join("\n", found.Take(20))}");

        // Every why is rendered from a reason, beside it as data (whyReason, permitReason, …), in Danish.
        var answer = await GetAsync(url + (url.Contains('?') ? "&" : "?") + "lang=da");
        var bare = Whys(answer).Where(w => w.Reason != w.Text).Select(w => $"{w.Path}: \"{w.Text}\" (reason: {w.Reason ?? "none"})").ToList();
        Assert.True(bare.Count == 0, $"a why without its reason:\n{string.Join("\n", bare.Take(20))}");

        // Every reason is rendered from its Danish template: the template's longest literal part is in its text.
        var reasons = Reasons(answer).ToList();
        Assert.NotEmpty(reasons);
        foreach (var (path, code, text) in reasons)
        {
            Assert.True(danish.ContainsKey(code), $"{path}: code '{code}' is not in da.json");
            var literal = Literals(danish[code]).OrderByDescending(l => l.Length).FirstOrDefault();
            if (literal is { Length: >= 3 })
                Assert.True(text.Contains(literal, StringComparison.Ordinal), $"{path}: '{code}' text \"{text}\" lacks the Danish \"{literal}\"");
        }
    }

    [Fact]
    public async Task Sound_power_labels_and_the_no_zone_label_are_danish()
    {
        // 400 m west of one of Samsø's old BONUS 1 MW turbines (README): every turbine's sound power is an estimate.
        var site = await GetAsync("/api/assess/site?e=598586.32&n=6184709.40&lang=da");
        var contributions = site.GetProperty("noise").GetProperty("contributions").EnumerateArray().ToList();
        Assert.NotEmpty(contributions);
        Assert.All(contributions, c =>
        {
            Assert.Equal("skøn", c.GetProperty("soundPower").GetString());
            Assert.Equal("noise.sound-power-basis.estimate", c.GetProperty("soundPowerReason").GetProperty("code").GetString());
        });

        // The municipality's tariff-zone coverage names the addresses in no zone in Danish (zone labels are the scenario's data).
        var municipality = await GetAsync("/api/assess/municipality/787?lang=da");
        Assert.Contains(municipality.GetProperty("tariffZones").EnumerateArray(), z => z.GetProperty("label").GetString() == "ingen zone");
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    /// <summary>
    /// Literal parts (between placeholders) of English templates of at least three words that appear in no Danish template:
    /// text a Danish answer could only hold if it were rendered in English. Terms of the law are Danish in both, so they never count.
    /// </summary>
    private static List<string> EnglishOnlyPhrases(Dictionary<string, string> english, Dictionary<string, string> danish)
    {
        var danishText = string.Join("\n", danish.Values);
        return [.. english.Values.SelectMany(Literals)
            .Select(l => l.Trim(' ', ';', ':', ',', '(', ')', '.'))
            .Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3)
            .Where(l => !danishText.Contains(l, StringComparison.Ordinal))
            .Distinct()];
    }

    private static IEnumerable<string> Literals(string template) => Placeholder().Split(template).Where(l => l.Length > 0);

    /// <summary>
    /// Every string in the answer, with its JSON path; reasons' codes are not text, and attributions, provenance (rule
    /// values' notes) and titles (a tariff scenario's title) are data from the sources and rule files, written in English there.
    /// </summary>
    private static IEnumerable<(string Path, string Text)> Texts(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var t in Texts(item, $"{path}[{i++}]"))
                        yield return t;
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => p.Name is not ("code" or "attribution" or "provenance" or "title")))
                {
                    foreach (var t in Texts(property.Value, $"{path}.{property.Name}"))
                        yield return t;
                }
                break;
        }
    }

    /// <summary>Every text property named as an explanation (<c>why</c>, <c>…Why</c>, <c>permit</c>, <c>grouping</c>, <c>householdBasis</c>) and the text of its reason sibling.</summary>
    private static IEnumerable<(string Path, string Text, string? Reason)> Whys(JsonElement element, string path = "$")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String && (p.Name is "why" or "permit" or "grouping" or "householdBasis" || p.Name.EndsWith("Why", StringComparison.Ordinal)))
                {
                    var reason = element.TryGetProperty(p.Name + "Reason", out var r) && r.ValueKind == JsonValueKind.Object ? r.GetProperty("text").GetString() : null;
                    yield return ($"{path}.{p.Name}", p.Value.GetString()!, reason);
                }
                foreach (var w in Whys(p.Value, $"{path}.{p.Name}"))
                    yield return w;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var w in Whys(item, $"{path}[{i++}]"))
                    yield return w;
            }
        }
    }

    /// <summary>Every reason object (<c>{code, values, text}</c>) in the answer.</summary>
    private static IEnumerable<(string Path, string Code, string Text)> Reasons(JsonElement element, string path = "$")
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            && element.TryGetProperty("values", out _) && element.TryGetProperty("text", out var text))
            yield return (path, code.GetString()!, text.GetString()!);
        IEnumerable<(JsonElement Value, string Path)> children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => (p.Value, $"{path}.{p.Name}")),
            JsonValueKind.Array => element.EnumerateArray().Select((v, i) => (v, $"{path}[{i}]")),
            _ => [],
        };
        foreach (var (child, childPath) in children)
        {
            foreach (var r in Reasons(child, childPath))
                yield return r;
        }
    }

    private static Dictionary<string, string> Catalogue(string language)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Messages, $"{language}.json")));
        return json.RootElement.GetProperty("messages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VeSiting.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VeSiting.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
