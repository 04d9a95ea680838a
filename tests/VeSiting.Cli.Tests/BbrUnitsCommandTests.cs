using VeSiting.Cli.Infrastructure;

namespace VeSiting.Cli.Tests;

/// <summary>
/// BBR units added with <c>data add bbr-units</c> next to DAWA unit addresses added with <c>data add dar-addresses</c>:
/// answers count households per access address from the BBR dwelling units and say so; a bad unit file is refused
/// naming file, row and field.
/// </summary>
public sealed class BbrUnitsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vesiting-bbr-units-").FullName;
    private string Cache => Path.Combine(_folder, "cache");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Three access addresses in København (0101): no. 10 with unit addresses u1 (st), u2 (1 tv), u3 (1 th); no. 12 with u4;
    // Vesterbrogade 1 with u5 (st) and u6 (1.).
    private const string UnitAddresses =
        "adgangsadresseid,id,status,vejnavn,husnr,etage,dør,postnr,postnrnavn,kommunekode,etrs89koordinat_øst,etrs89koordinat_nord\n"
        + "a10,u1,1,Eliasgade,10,,,2300,København S,0101,727557.90,6174832.99\n"
        + "a10,u2,1,Eliasgade,10,1,tv,2300,København S,0101,727557.90,6174832.99\n"
        + "a10,u3,1,Eliasgade,10,1,th,2300,København S,0101,727557.90,6174832.99\n"
        + "a12,u4,1,Eliasgade,12,,,2300,København S,0101,727571.35,6174845.12\n"
        + "v1,u5,1,Vesterbrogade,1,st,,1620,København V,0101,723805.64,6175620.47\n"
        + "v1,u6,1,Vesterbrogade,1,1,,1620,København V,0101,723805.64,6175620.47\n";

    // BBR units: a shop (322) at u1 and flats (140) at u2 and u3; a shop at u5 and a flat at u6; nothing at u4.
    private const string Units =
        "id_lokalId,status,enh020EnhedensAnvendelse,adresseIdentificerer\n"
        + "b1,6,322,u1\nb2,6,140,u2\nb3,6,140,u3\nb5,6,322,u5\nb6,6,140,u6\n";

    [Fact]
    public async Task Households_come_from_the_bbr_dwelling_units_and_the_answer_says_so()
    {
        var addAddresses = await CliRun.Of("data", "add", "dar-addresses", Write("adresser.csv", UnitAddresses), "--cache", Cache);
        Assert.True(addAddresses.ExitCode == ExitCodes.Ok, addAddresses.ToString());
        var addUnits = await CliRun.Of("data", "add", "bbr-units", Write("enheder.csv", Units), "--cache", Cache, "--format", "json");
        Assert.True(addUnits.ExitCode == ExitCodes.Ok, addUnits.ToString());
        Assert.Contains("\"records_read\": 5", addUnits.Output);

        var run = await CliRun.Of("classify", "--municipality", "101", "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        // no. 10: flats b2, b3 = 2 (BBR); Vesterbrogade 1: flat b6 = 1 (BBR); no. 12: no BBR unit, its one unit address = 1.
        var text = string.Join(' ', run.Error.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        Assert.Contains("Households: 4 household(s): BBR dwelling units at 2 of 3 access address(es), dwelling units from the unit addresses at 1.", text);
        var sources = await CliRun.Of("data", "sources", "--cache", Cache, "--format", "csv");
        Assert.Contains("from enheder.csv", Assert.Single(sources.Output.Split('\n'), l => l.StartsWith("bbr-units,")));
    }

    [Fact]
    public async Task A_unit_with_an_unreadable_use_code_is_refused_naming_file_row_and_field()
    {
        var run = await CliRun.Of("data", "add", "bbr-units", Write("enheder.csv", Units.Replace("b3,6,140", "b3,6,etagebolig", StringComparison.Ordinal)), "--cache", Cache);

        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Contains("enheder.csv row 4 column 'enh020EnhedensAnvendelse': 'etagebolig' is not a BBR unit use code", run.Error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
