using System.Security.Cryptography;
using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

/// <summary><c>data add</c>, <c>data sources</c> and <c>data reset</c> on a cache folder of their own; geodata/ is never written.</summary>
public sealed class DataAddCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-data-add-").FullName;
    private string Cache => Path.Combine(_folder, "cache");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string GeodataFingerprint()
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        var files = Directory.EnumerateFiles(geodata, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return string.Join('\n', files.Select(f => $"{f}:{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));
    }

    [Fact]
    public async Task Add_shows_in_sources_and_reset_goes_back_without_touching_geodata()
    {
        var before = GeodataFingerprint();
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n");

        var add = await CliRun.Of("data", "add", "permit-dates", permits, "--cache", Cache, "--format", "json");
        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        Assert.Contains("\"records_read\": 1", add.Output);

        var sources = await CliRun.Of("data", "sources", "--cache", Cache, "--format", "csv");
        var line = Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("permit-dates,"));
        Assert.Contains("from permits.csv", line);
        Assert.Contains(",built-in,", Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("ens-wind-register,")));
        Assert.True(File.Exists(Path.Combine(Cache, SourceOverlay.FileName)));

        var reset = await CliRun.Of("data", "reset", "permit-dates", "--cache", Cache);
        Assert.True(reset.ExitCode == ExitCodes.Ok, reset.ToString());
        Assert.Contains("permits.csv", reset.Output);
        var after = await CliRun.Of("data", "sources", "--cache", Cache, "--format", "csv");
        Assert.Contains("none (optional)", Assert.Single(after.Output.Split('\n'), l => l.StartsWith("permit-dates,")));
        Assert.Equal(before, GeodataFingerprint());
    }

    [Fact]
    public async Task The_import_report_is_danish_with_lang_da()
    {
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n");

        var add = await CliRun.Of("--lang", "da", "data", "add", "permit-dates", permits, "--cache", Cache);

        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        Assert.Contains("permits.csv er tilføjet som den gældende udgave af permit-dates", add.Output);
        Assert.Contains("Poster læst", add.Output);
        Assert.Contains("Rækker sprunget over", add.Output);
        Assert.Contains("Gå tilbage med", add.Output);
        Assert.DoesNotContain("Records read", add.Output);
        Assert.DoesNotContain("as the current edition", add.Output);
    }

    [Fact]
    public async Task A_bad_file_is_refused_naming_file_row_and_column_and_nothing_is_recorded()
    {
        var permits = Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n570715000000000001,20/11/1996\n");

        var run = await CliRun.Of("data", "add", "permit-dates", permits, "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("permits.csv row 3 column 'permit_date': '20/11/1996' is not a date in the form yyyy-MM-dd", run.Error);
        Assert.False(File.Exists(Path.Combine(Cache, SourceOverlay.FileName)));
    }

    [Fact]
    public async Task An_unknown_source_lists_the_sources()
    {
        var run = await CliRun.Of("data", "add", "wind", Write("x.csv", "a"), "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("no source 'wind'", run.Error);
        Assert.Contains("ens-wind-register", run.Error);
    }

    private const string UnitsWithSkippedRows = "id_lokalId,status,enh020EnhedensAnvendelse,adresseIdentificerer\nu1,6,140,a1\nu2,4,140,a2\nu3,6,120,\n";

    [Fact]
    public async Task Skipped_rows_of_a_bad_file_are_reported_in_danish_with_lang_da()
    {
        var units = Write("enheder.csv", UnitsWithSkippedRows);

        var add = await CliRun.Of("--lang", "da", "data", "add", "bbr-units", units, "--cache", Cache);

        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        Assert.Contains("BBR-status 4: enheden er ikke opført eller findes ikke længere (6 opført og 7 gældende tælles med)", add.Output);
        Assert.Contains("enheden har ingen enhedsadresse og kan derfor ikke placeres på en adgangsadresse", add.Output);
        Assert.Contains("sprunget over", add.Output);
        Assert.DoesNotContain("the unit is not built", add.Output);

        var reset = await CliRun.Of("--lang", "da", "data", "reset", "bbr-units", "--cache", Cache);
        Assert.Contains("bbr-units: enheder.csv (tilføjet ", reset.Output);
        Assert.Contains(") er fjernet; bruger nu ingen fil (valgfri kilde, ikke indlæst).", reset.Output);
    }

    [Fact]
    public async Task Skipped_rows_keep_their_english_words_in_english_and_in_csv()
    {
        var units = Write("enheder.csv", UnitsWithSkippedRows);

        var english = await CliRun.Of("data", "add", "bbr-units", units, "--cache", Cache);
        var csv = await CliRun.Of("--lang", "da", "data", "add", "bbr-units", units, "--cache", Cache, "--format", "csv");

        Assert.True(english.ExitCode == ExitCodes.Ok, english.ToString());
        Assert.Contains("BBR status 4: the unit is not built or no longer exists (6 built and 7 in force count)", english.Output);
        Assert.Contains("the unit names no unit address, so it cannot be placed at an access address", english.Output);
        Assert.Contains("skipped,,3,status,BBR status 4: the unit is not built or no longer exists (6 built and 7 in force count)", csv.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
