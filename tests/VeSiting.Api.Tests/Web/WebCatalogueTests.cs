using System.Text.Json;
using System.Text.RegularExpressions;

namespace VeSiting.Api.Tests.Web;

/// <summary>
/// The web map's catalogues (wwwroot/i18n/*.json): every language has every key with the same placeholders, and every
/// key the page and its modules use — <c>t('…')</c>/<c>tr('…')</c> in JavaScript, <c>data-i18n…="…"</c> in HTML — exists.
/// </summary>
public sealed partial class WebCatalogueTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryRoot(), "src", "VeSiting.Api", "wwwroot");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VeSiting.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("VeSiting.sln not found above the test binaries");
    }

    private static Dictionary<string, string> Catalogue(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WebRoot, "i18n", $"{language}.json")))!;

    private static IEnumerable<string> Languages() =>
        Directory.GetFiles(Path.Combine(WebRoot, "i18n"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!);

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_language_has_every_key_with_the_same_placeholders()
    {
        var english = Catalogue("en");
        Assert.Contains("da", Languages());
        foreach (var language in Languages())
        {
            var catalogue = Catalogue(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), catalogue.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, text) in english)
                Assert.True(Placeholders(text).SequenceEqual(Placeholders(catalogue[key])), $"{language}: '{key}' names other values than English");
        }
    }

    [Fact]
    public void Every_key_the_page_uses_is_in_the_catalogues()
    {
        var used = new List<(string File, string Key)>();
        foreach (var file in Directory.GetFiles(WebRoot, "*.js"))
        {
            // Comments may show examples of keys; only code counts.
            var code = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith('*') && !l.TrimStart().StartsWith("/*", StringComparison.Ordinal)));
            used.AddRange(ScriptKey().Matches(code).Select(m => (Path.GetFileName(file), m.Groups[1].Value)));
        }
        foreach (var file in Directory.GetFiles(WebRoot, "*.html"))
            used.AddRange(HtmlKey().Matches(File.ReadAllText(file)).Select(m => (Path.GetFileName(file), m.Groups[1].Value)));

        Assert.True(used.Count > 50, $"only {used.Count} keys found: is the scan still finding them?");
        foreach (var language in Languages())
        {
            var catalogue = Catalogue(language);
            var missing = used.Where(u => !catalogue.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
            Assert.True(missing.Count == 0, $"{language}.json lacks: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void The_law_keeps_its_danish_words_in_english()
    {
        var english = Catalogue("en");
        Assert.Contains("salgsoption", english["scheme.sales-option"]);
        Assert.Contains("værditabsordning", english["scheme.loss-of-value"]);
        Assert.Contains("grøn pulje", english["scheme.green-pool"]);
        Assert.Equal("VE-bonus", english["scheme.ve-bonus"]);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\btr?\('([a-z0-9.-]+)'")]
    private static partial Regex ScriptKey();

    [GeneratedRegex(@"data-i18n(?:-[a-z-]+)?=""([^""]+)""")]
    private static partial Regex HtmlKey();
}
