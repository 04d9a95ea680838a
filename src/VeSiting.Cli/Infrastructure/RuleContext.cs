using VeSiting.Cli.Commands;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;

namespace VeSiting.Cli.Infrastructure;

/// <summary>Builds the assessment context: rule library (defaults plus user folders), price stack of the year (or the latest earlier, carried forward), scenarios.</summary>
public static class RuleContext
{
    /// <summary>The context for <paramref name="settings"/>: rules in force on --today, else <paramref name="today"/> (the CLI's clock).</summary>
    public static (AssessmentContext Context, RuleLibrary Library) Create(AssessSettings settings, ISpatialStore store, DateOnly today, RuleLibrary? library = null)
    {
        library ??= LoadLibrary(settings.RuleFolders);
        today = Today(settings, today);
        var year = settings.Year ?? today.Year;
        var prices = PriceStackChoice.For(library.PriceStacks, year)
            ?? throw new UsageException($"--year: {PriceStackChoice.NoStackReason(library.PriceStacks, year)}");
        var scenarios = settings.Scenarios.Length == 0
            ? library.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList()
            : settings.Scenarios.Select(id => library.Scenarios.TryGetValue(id, out var s) ? s
                : throw new UsageException($"--scenario: '{id}' is not one of {string.Join(", ", library.Scenarios.Keys.Order())}")).ToList();
        return (new AssessmentContext(store, library.Rules, prices, scenarios, today), library);
    }

    /// <summary>The date whose rules are in force: --today, else <paramref name="today"/> (the CLI's clock).</summary>
    public static DateOnly Today(AssessSettings settings, DateOnly today) =>
        settings.Today is null ? today
            : DateOnly.TryParseExact(settings.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new UsageException($"--today: '{settings.Today}' is not a date (yyyy-mm-dd)");

    /// <summary>The rule library: the project's rules, then the given folders (or those in <c>VESITING_RULES</c>).</summary>
    public static RuleLibrary LoadLibrary(string[] ruleFolders) => ProjectRules.Load(ruleFolders);
}
