using VeSiting.Core.Domain;
using VeSiting.Core.Explanations;
using VeSiting.Core.Importing;
using VeSiting.Core.Noise;
using VeSiting.Data.Importers.Bbr;
using VeSiting.Data.Importers.Dagi;
using VeSiting.Data.Importers.Dst;
using VeSiting.Data.Importers.Osm;
using VeSiting.Data.Importers.PowerPlantMatching;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers;

/// <summary>
/// Findings of the importers read from small hand-made bad files, as a Danish case officer reads them (severity, file, row,
/// column and reason in Danish; codes, file names and values as given) and in English as they always were written.
/// </summary>
public sealed class DanishImporterFindingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static (string Danish, string English) Both(ImportIssue issue) => (issue.Render(MessageCatalogue.Danish), issue.ToString());

    [Fact]
    public void Bbr_units_missing_use_code_retired_and_without_unit_address()
    {
        var path = _temp.Write("enheder.csv", string.Join('\n',
            "id_lokalId,status,enh020EnhedensAnvendelse,adresseIdentificerer",
            "u1,,140,a1",
            "u2,6,abc,a2",
            "u3,4,140,a3",
            "u4,6,140,",
            ""));

        var issues = new BbrUnitReader().Read(path, "bbr").Issues;

        Assert.Equal(
        [
            ("fejl: enheder.csv række 2 kolonne 'status': værdien mangler",
                "error: enheder.csv row 2 column 'status': value is missing"),
            ("fejl: enheder.csv række 3 kolonne 'enh020EnhedensAnvendelse': 'abc' er ikke en BBR-anvendelseskode for en enhed (EnhAnvendelse, f.eks. 140)",
                "error: enheder.csv row 3 column 'enh020EnhedensAnvendelse': 'abc' is not a BBR unit use code (EnhAnvendelse, e.g. 140)"),
            ("sprunget over: enheder.csv række 4 kolonne 'status': BBR-status 4: enheden er ikke opført eller findes ikke længere (6 opført og 7 gældende tælles med)",
                "skipped: enheder.csv row 4 column 'status': BBR status 4: the unit is not built or no longer exists (6 built and 7 in force count)"),
            ("sprunget over: enheder.csv række 5 kolonne 'adresseIdentificerer': enheden har ingen enhedsadresse og kan derfor ikke placeres på en adgangsadresse",
                "skipped: enheder.csv row 5 column 'adresseIdentificerer': the unit names no unit address, so it cannot be placed at an access address"),
        ], issues.Select(Both));
    }

    [Fact]
    public void Dagi_feature_without_code_and_name()
    {
        var path = _temp.Write("kommuner.geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":"1"},"geometry":{"type":"Polygon","coordinates":[[[10,56],[10.01,56],[10.01,56.01],[10,56]]]}}]}""");

        var issue = Assert.Single(new DagiAreaReader(AdminAreaKind.Municipality).Read(path, "dagi").Issues);

        Assert.Equal(("fejl: kommuner.geojson række 1 kolonne 'kode': objektet har ingen kode og intet navn for kommunen (forventede egenskaberne kode/navn eller KOMKODE/KOMNAVN eller REGIONKODE/REGIONNAVN)",
            "error: kommuner.geojson row 1 column 'kode': feature has no Municipality code and name (expected properties kode/navn or KOMKODE/KOMNAVN or REGIONKODE/REGIONNAVN)"),
            Both(issue));
    }

    [Fact]
    public void Population_count_that_is_not_a_head_count_and_a_name_of_no_municipality()
    {
        var path = _temp.Write("pop.csv", "OMRÅDE,KØN,ALDER,TID,INDHOLD\nKøbenhavn,I alt,Alder i alt,2024M01,12.5\nAtlantis,I alt,Alder i alt,2024M01,5\n");

        var read = new DstPopulationReader().Read(path, "dst");
        var joined = PopulationJoin.Join(read.Records, [], new MunicipalityNameAliases(new Dictionary<string, string>()));

        Assert.Equal(("fejl: pop.csv række 2 kolonne 'INDHOLD': 12,5 er ikke et antal personer",
            "error: pop.csv row 2 column 'INDHOLD': 12.5 is not a head count"), Both(Assert.Single(read.Issues)));
        Assert.Equal(("fejl: pop.csv række 3 kolonne 'OMRÅDE': 'Atlantis' svarer ikke til navnet på nogen DAGI-kommune; tilføj det i geodata/municipality-name-aliases.json, hvis det er en anden stavemåde",
            "error: pop.csv row 3 column 'OMRÅDE': 'Atlantis' matches no DAGI municipality by name; add it to geodata/municipality-name-aliases.json if it is another spelling"),
            Both(Assert.Single(joined.Issues)));
    }

    [Fact]
    public void Turbine_acoustics_out_of_range_unreadable_band_and_a_mode_given_twice()
    {
        var path = _temp.Write("lyd.csv", string.Join('\n',
            "manufacturer,model,mode,lwa_6ms_db,lwa_8ms_db,lwa_octaves_8ms_db",
            "Vestas,V112,PO1,102,130.5,",
            "Vestas,V112,PO2,102,105,90 x 90 90 90 90 90 90",
            "Vestas,V112,0,102,105,",
            "Vestas,V112,0,103,106,",
            ""));

        var issues = new TurbineAcousticsReader(new AcousticsRange(60, 130, -50, "noise-estimates 1")).Read(path, "acoustics").Issues;

        Assert.Equal(
        [
            ("fejl: lyd.csv række 2 kolonne 'lwa_8ms_db': 130,5 dB(A) ligger uden for 60–130 dB(A) (regelsæt noise-estimates 1)",
                "error: lyd.csv row 2 column 'lwa_8ms_db': 130.5 dB(A) is outside 60–130 dB(A) (rule set noise-estimates 1)"),
            ("fejl: lyd.csv række 3 kolonne 'lwa_octaves_8ms_db': 'x' (værdi 2) er ikke et tal; angiv båndniveauerne i dB(A) adskilt af mellemrum",
                "error: lyd.csv row 3 column 'lwa_octaves_8ms_db': 'x' (value 2) is not a number; give the band levels in dB(A) separated by spaces"),
            ("fejl: lyd.csv række 5 kolonne 'mode': Vestas V112, driftstilstand 0 er angivet to gange (første gang i række 4)",
                "error: lyd.csv row 5 column 'mode': Vestas V112, mode 0 is given twice (first in row 4)"),
        ], issues.Select(Both));
    }

    [Fact]
    public void Powerplantmatching_negative_capacity()
    {
        var path = _temp.Write("ppm.csv", "id,Name,Fueltype,Technology,Country,Capacity,lat,lon\n1,Minus,Wind,Onshore,Denmark,-3.5,56.1,9.5\n");

        var issue = Assert.Single(new PowerPlantMatchingReader(editionYear: 2024).Read(path, "ppm").Issues);

        Assert.Equal(("fejl: ppm.csv række 2 kolonne 'Capacity': kapaciteten -3,5 MW er negativ",
            "error: ppm.csv row 2 column 'Capacity': capacity -3.5 MW is negative"), Both(issue));
    }

    [Fact]
    public void Osm_findings_counted_by_reason_with_the_count_written_the_danish_way()
    {
        var tally = new OsmIssueTally("samsoe.osm.pbf");
        for (var i = 0; i < 1234; i++)
            tally.Add(ImportIssueSeverity.Skipped, Reason.Of("import.osm-no-street"), 10 + i, $"node/{100 + i}");
        tally.Add(ImportIssueSeverity.Note, Reason.Of("import.osm-solar-heat-plant", ("tag", "plant:output:electricity")), 7, "way/5");

        Assert.Equal(
        [
            ("sprunget over: samsoe.osm.pbf række 10 kolonne 'node/100': 1.234 elementer: addr:housenumber uden addr:street eller addr:place (det første: node/100)",
                "skipped: samsoe.osm.pbf row 10 column 'node/100': 1,234 elements: addr:housenumber without addr:street or addr:place (the first: node/100)"),
            ("note: samsoe.osm.pbf række 7 kolonne 'way/5': et solenergianlæg, der ikke producerer elektricitet (plant:output:electricity=no, f.eks. solvarme): ikke et anlæg her",
                "note: samsoe.osm.pbf row 7 column 'way/5': a solar plant that makes no electricity (plant:output:electricity=no, e.g. solar heat): not a plant here"),
        ], tally.Issues.Select(Both));
    }

    public void Dispose() => _temp.Dispose();
}
