using VeSiting.Cli.Infrastructure;
using VeSiting.Cli.Output;
using VeSiting.Core.Explanations;

namespace VeSiting.Cli.Tests;

/// <summary>The command line's language: <c>--lang</c>, else <c>VESITING_LANG</c>, else the locale; tables and reasons in it.</summary>
public sealed class LanguageCommandTests
{
    private static readonly string[] Fixed = ["--year", "2026", "--today", "2026-11-26"];

    // 300 m east of turbine 570715000000045608 (connected 1997-07-17, H = 70 m): older than every period of the schemes.
    private static readonly string[] BesideAnOldTurbine = ["assess", "site", "--utm", "504330.19 6122243.80", .. Fixed];

    [Fact]
    public async Task Lang_da_writes_the_table_and_the_reasons_in_danish()
    {
        var run = await CliRun.Of(["--lang", "da", .. BesideAnOldTurbine]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Vurdering af", run.Output);
        Assert.Contains("Nærmeste omfattede anlæg", run.Output);
        Assert.Contains("Begrundelse", run.Output);
        Assert.Contains("ikke omfattet: ordningen gælder for tilladelser fra 2020-06-01", run.Output);
        Assert.DoesNotContain("Nearest covered plant", run.Output);
    }

    [Fact]
    public async Task Lang_da_writes_the_facts_and_fixed_values_of_the_command_line_in_danish_and_csv_keeps_its_codes()
    {
        var danish = await CliRun.Of(["--lang", "da", .. BesideAnOldTurbine]);
        Assert.True(danish.ExitCode == ExitCodes.Ok, danish.ToString());
        // Facts the command line wrote in English only: the schemes within reach, the customer, the status of each part.
        Assert.Contains("omfattede anlæg inden for rækkevidde", danish.Output);
        Assert.Contains("husstand: moms inkluderet", danish.Output);
        Assert.Contains("ordninger, ringe og grøn pulje: lov (de gældende regler)", danish.Output);
        Assert.DoesNotContain("covered plant(s) within reach", danish.Output);
        Assert.DoesNotContain("household: VAT included", danish.Output);
        // The scheme column in the law's Danish words; the CSV keeps the scheme codes scripts read.
        Assert.Contains("salgsoption", danish.Output);
        Assert.Contains("værditabsordning", danish.Output);
        var csv = await CliRun.Of(["--lang", "da", .. BesideAnOldTurbine, "--format", "csv"]);
        Assert.Contains(",sales-option,", csv.Output);
        Assert.Contains(",wind-turbine,", csv.Output);
    }

    [Fact]
    public async Task The_option_wins_over_the_variable_and_the_variable_over_the_locale()
    {
        var english = await CliRun.WithEnvironment(new Dictionary<string, string> { ["VESITING_LANG"] = "da", ["LANG"] = "da_DK.UTF-8" }, ["--lang=en", .. BesideAnOldTurbine]);
        Assert.Contains("Nearest covered plant", english.Output);
        var danish = await CliRun.WithEnvironment(new Dictionary<string, string> { ["VESITING_LANG"] = "da", ["LANG"] = "en_GB.UTF-8" }, BesideAnOldTurbine);
        Assert.Contains("Nærmeste omfattede anlæg", danish.Output);
        var locale = await CliRun.WithEnvironment(new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "da_DK.UTF-8" }, BesideAnOldTurbine);
        Assert.Contains("Nærmeste omfattede anlæg", locale.Output);
    }

    [Fact]
    public async Task Csv_keeps_its_english_columns_in_danish()
    {
        var run = await CliRun.Of(["--lang", "da", .. BesideAnOldTurbine, "--format", "csv"]);
        Assert.StartsWith("Plant,Kind,Distance (m)", run.Output);
        Assert.Contains("ikke omfattet", run.Output);
    }

    [Theory]
    [InlineData("--lang", "xx")]
    [InlineData("--lang")]
    public async Task An_unknown_language_is_a_usage_error(params string[] language)
    {
        var run = await CliRun.Of([.. language, .. BesideAnOldTurbine]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--lang", run.Error);
    }

    [Fact]
    public async Task An_unknown_vesiting_lang_is_a_usage_error_but_an_unknown_locale_is_english()
    {
        var named = await CliRun.WithEnvironment(new Dictionary<string, string> { ["VESITING_LANG"] = "fr" }, BesideAnOldTurbine);
        Assert.Equal(ExitCodes.Usage, named.ExitCode);
        Assert.Contains("VESITING_LANG", named.Error);
        var locale = await CliRun.WithEnvironment(new Dictionary<string, string> { ["LANG"] = "fr_FR.UTF-8" }, BesideAnOldTurbine);
        Assert.Contains("Nearest covered plant", locale.Output);
    }

    [Fact]
    public void Every_label_file_is_a_language_with_a_message_catalogue()
    {
        Assert.Contains("da", CliLabels.Languages);
        foreach (var language in CliLabels.Languages)
            Assert.NotNull(MessageCatalogue.Find(language));
    }

    [Fact]
    public void Every_label_keeps_the_placeholders_of_its_english_label()
    {
        foreach (var language in CliLabels.Languages)
        {
            foreach (var (english, translated) in CliLabels.Of(MessageCatalogue.Find(language)!))
            {
                Assert.True(Holes(english) == Holes(translated), $"{language}: '{english}' → '{translated}' has other placeholders");
                Assert.False(string.IsNullOrWhiteSpace(translated), $"{language}: '{english}' is empty");
            }
        }

        static int Holes(string label) => label.Split("{0}").Length - 1;
    }
}
