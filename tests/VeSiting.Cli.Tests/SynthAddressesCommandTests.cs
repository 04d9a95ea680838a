using VeSiting.Cli.Infrastructure;
using VeSiting.Data.Importers.Dar;

namespace VeSiting.Cli.Tests;

/// <summary><c>vesiting synth addresses --units</c>: DAWA's unit-address layout, read back into access addresses with households.</summary>
public sealed class SynthAddressesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-synth-").FullName;

    [Fact]
    public async Task Unit_addresses_group_into_the_access_addresses_with_every_25th_a_block_of_flats()
    {
        var file = Path.Combine(_folder, "adresser.csv");

        var run = await CliRun.Of("synth", "addresses", "--count", "100", "--units", "150", "--output", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(1 + 150, lines.Length);
        // Counted from the text itself: unit rows per adgangsadresseid (no field holds a comma).
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var access = Array.IndexOf(header, "adgangsadresseid");
        var unitsPerAccessAddress = lines.Skip(1).GroupBy(l => l.Split(',')[access]).ToDictionary(g => g.Key, g => g.Count());
        var addresses = new DarAddressReader().Read(file, "synthetic").RecordsOrThrow("synthetic");

        Assert.Equal(unitsPerAccessAddress.Count, addresses.Count);
        Assert.All(addresses, a => Assert.Equal(unitsPerAccessAddress[a.Id], a.Households));
        Assert.Equal(150, addresses.Sum(a => a.Households!.Value));
        Assert.All(addresses, a => Assert.StartsWith("Syntetisk vej", a.StreetName));
        // Blocks of flats are the addresses numbered 0, 25, 50, … (ids "synthetic-42-N"); every other address has one unit.
        Assert.All(addresses, a => Assert.Equal(int.Parse(a.Id.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture) % 25 == 0, a.Households > 1));
    }

    [Fact]
    public async Task Fewer_units_than_access_addresses_is_refused()
    {
        var run = await CliRun.Of("synth", "addresses", "--count", "100", "--units", "99", "--output", Path.Combine(_folder, "x.csv"));

        Assert.NotEqual(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--units", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
