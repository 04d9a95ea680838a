using System.Globalization;
using VeSiting.Cli.Commands;
using VeSiting.Core.Assessments;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Data.Rules;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Infrastructure;

/// <summary>Builds the assessment context: rule library (defaults plus user folders), price stack of the year (or the latest earlier, carried forward), scenarios.</summary>
public static class RuleContext
{
    public static (AssessmentContext Context, RuleLibrary Library) Create(AssessSettings settings, ISpatialStore store)
    {
        var layout = ProjectLayout.Locate();
        var userFolders = settings.RuleFolders.Length > 0
            ? settings.RuleFolders
            : (Environment.GetEnvironmentVariable(RuleLibrary.UserRulesVariable) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var library = RuleLibrary.Load(Path.Combine(layout.Root, "geodata"), userFolders);

        var today = settings.Today is null ? DateOnly.FromDateTime(DateTime.Today)
            : DateOnly.TryParseExact(settings.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new UsageException($"--today: '{settings.Today}' is not a date (yyyy-mm-dd)");
        var year = settings.Year ?? today.Year;
        var prices = PriceStackChoice.For(library.PriceStacks, year)
            ?? throw new UsageException($"--year: {PriceStackChoice.NoStackReason(library.PriceStacks, year)}");
        var scenarios = settings.Scenarios.Length == 0
            ? library.Scenarios.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList()
            : settings.Scenarios.Select(id => library.Scenarios.TryGetValue(id, out var s) ? s
                : throw new UsageException($"--scenario: '{id}' is not one of {string.Join(", ", library.Scenarios.Keys.Order())}")).ToList();
        return (new AssessmentContext(store, library.Rules, prices, scenarios, today), library);
    }
}
