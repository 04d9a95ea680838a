using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Dar;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.Csv;

/// <summary>DAWA's published address layouts: access addresses (any column order, BOM or not) and unit addresses counted into households.</summary>
public sealed class DawaLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Dawa_access_addresses_in_any_column_order_with_a_bom_read_as_published()
    {
        var path = _temp.Write("adgangsadresser.csv", "\uFEFF" + string.Join('\n',
            "wgs84koordinat_længde,etrs89koordinat_nord,husnr,status,id,postnrnavn,vejkode,kommunekode,vejnavn,etrs89koordinat_øst,postnr,wgs84koordinat_bredde",
            "12.6183728,6174832.99,10,1,310b95db-5871-471d-baf2-9e680b9f7df3,København S,1484,0101,Eliasgade,727557.90,2300,55.6659010",
            "12.6183728,6174842.99,12,2,310b95db-0000-471d-baf2-9e680b9f7df3,København S,1484,0101,Eliasgade,727557.90,2300,55.6659010"));

        var result = new DarAddressReader().Read(path, "dar");

        var address = Assert.Single(result.Records);
        Assert.Equal(("310b95db-5871-471d-baf2-9e680b9f7df3", "Eliasgade 10, 2300 København S", 101), (address.Id, address.Label, address.MunicipalityCode));
        Assert.Equal((727557.90, 6174832.99), (address.Position.X, address.Position.Y));
        Assert.Null(address.Households);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((3, "status"), (skipped.Row, skipped.Column));
    }

    [Fact]
    public void Dawa_unit_addresses_become_access_addresses_with_their_households()
    {
        // A block with three flats (one of them retired, status 2) and a house with one unit.
        var path = _temp.Write("adresser.csv", string.Join('\n',
            "id,status,etage,dør,adgangsadresseid,kommunekode,vejnavn,husnr,postnr,postnrnavn,etrs89koordinat_øst,etrs89koordinat_nord",
            "u1,1,st,tv,block,0101,Eliasgade,10,2300,København S,727557.90,6174832.99",
            "u2,1,1,tv,block,0101,Eliasgade,10,2300,København S,727557.90,6174832.99",
            "h1,1,,,house,0101,Eliasgade,12,2300,København S,727567.90,6174832.99",
            "u3,2,2,tv,block,0101,Eliasgade,10,2300,København S,727557.90,6174832.99",
            "u4,3,2,th,block,0101,Eliasgade,10,2300,København S,727557.90,6174832.99"));

        var result = new DarAddressReader().Read(path, "dar");

        Assert.False(result.HasErrors);
        Assert.Equal([("block", (int?)3), ("house", 1)], result.Records.Select(a => (a.Id, a.Households)));
        Assert.Equal(5, Assert.Single(result.Skipped).Row);
    }

    [Fact]
    public void A_dawa_file_without_coordinates_fails_naming_the_column_it_needs()
    {
        var path = _temp.Write("adgangsadresser.csv", "id,kommunekode,vejnavn,husnr,postnr,postnrnavn\na,0101,Eliasgade,10,2300,København S\n");

        var e = Assert.Throws<ImportFailedException>(() => new DarAddressReader().Read(path, "dar"));

        Assert.Contains("etrs89_east", e.Message);
        Assert.Contains("adgangsadresser.csv", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
