using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

/// <summary>
/// The built-in address sample rewritten into DAWA's published layout (renamed and shuffled columns, BOM), added with
/// <c>data add</c>: user journey 1 gives the same answer, and nothing under geodata/ changes.
/// </summary>
public sealed class DawaJourneyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-dawa-").FullName;

    private static readonly Dictionary<string, string> DawaNames = new()
    {
        ["husnummer_id"] = "id",
        ["etrs89_east"] = "etrs89koordinat_øst",
        ["etrs89_north"] = "etrs89koordinat_nord",
        ["lat"] = "wgs84koordinat_bredde",
        ["lon"] = "wgs84koordinat_længde",
    };

    /// <summary>Renames the columns to DAWA's and reverses their order after rotating by three (a fixed shuffle); fields hold no commas or quotes.</summary>
    private static string ToDawaLayout(string[] lines)
    {
        var header = lines[0].Split(',');
        var order = Enumerable.Range(0, header.Length).Select(i => (i + 3) % header.Length).Reverse().ToArray();
        string Row(string[] cells) => string.Join(',', order.Select(i => cells[i]));
        var renamed = header.Select(h => DawaNames.GetValueOrDefault(h, h)).ToArray();
        return "\uFEFF" + string.Join("\r\n", [Row(renamed), .. lines.Skip(1).Where(l => l.Length > 0).Select(l => Row(l.Split(',')))]) + "\r\n";
    }

    private static string GeodataFingerprint()
    {
        var geodata = Path.Combine(ProjectLayout.Locate().Root, "geodata");
        return string.Join('\n', Directory.EnumerateFiles(geodata, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f}:{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));
    }

    [Fact]
    public async Task Journey_one_on_the_sample_in_dawa_layout_gives_the_same_answer()
    {
        var before = GeodataFingerprint();
        var layout = ProjectLayout.Locate();
        // The built-in sources in the default cache, as any command without --cache would fetch them: this test reads the
        // sample file itself, and on a fresh clone no other test may have run a command yet.
        var fetch = await CliRun.Of("data", "fetch", "--format", "csv");
        Assert.True(fetch.ExitCode == ExitCodes.Ok, fetch.ToString());
        var sample = Path.Combine(layout.CacheDirectory(), "addresses", "dar-adgangsadresser-sample-2015.csv");
        Assert.True(File.Exists(sample), $"{sample} missing after `vesiting data fetch`");
        var lines = await File.ReadAllLinesAsync(sample);
        Assert.DoesNotContain(lines, l => l.Contains('"'));
        var dawa = Path.Combine(_folder, "adgangsadresser.csv");
        await File.WriteAllTextAsync(dawa, ToDawaLayout(lines), new UTF8Encoding(false)); // the BOM is written as a character
        Assert.StartsWith("vejkode,kommunekode,id,status,wgs84koordinat_", (await File.ReadAllLinesAsync(dawa))[0].TrimStart('\uFEFF'));
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(dawa))[..3]);
        var cache = Path.Combine(_folder, "cache");

        var add = await CliRun.Of("data", "add", "dar-addresses", dawa, "--cache", cache, "--format", "json");
        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        var run = await CliRun.Of("neighbours", "--utm", "638500 6150500", "--hub", "95", "--rotor", "110", "--cache", cache, "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var summary = json.RootElement.GetProperty("summary");
        // As user journey 1 on the built-in file (QueryCommandTests): Python on the raw DAR CSV counts 26 within 900 m and 42 within 1,200 m.
        Assert.Equal(26, summary.GetProperty("addresses_within_6_h").GetInt32());
        Assert.Equal(42, summary.GetProperty("addresses_within_8_h").GetInt32());
        var nearest = json.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("site").GetString() == "address");
        Assert.Equal(("Athenesvej 43, 4200 Slagelse", 661.2), (nearest.GetProperty("label").GetString(), nearest.GetProperty("distance_m").GetDouble()));
        var sources = await CliRun.Of("data", "sources", "--cache", cache, "--format", "csv");
        Assert.Contains("from adgangsadresser.csv", Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("dar-addresses,")));
        Assert.Equal(before, GeodataFingerprint());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
