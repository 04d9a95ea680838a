using System.Globalization;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Core.Spatial;

namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// DAR access addresses (adgangsadresser) as CSV: <c>husnummer_id, kommunekode, vejnavn, husnr, postnr,
/// postnrnavn, etrs89_east, etrs89_north</c>. Positions are taken in EPSG:25832 as published.
/// </summary>
public sealed class DarAddressReader
{
    private static readonly string[] Required = ["husnummer_id", "kommunekode", "vejnavn", "husnr", "postnr", "postnrnavn", "etrs89_east", "etrs89_north"];

    public ImportResult<Address> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, Required);
        var issues = new List<ImportIssue>(table.FileIssues);
        var addresses = new List<Address>();
        foreach (var (row, cells) in table.Rows)
        {
            var before = issues.Count;
            var id = table.Required(cells, row, "husnummer_id", issues);
            var municipality = table.RequiredNumber(cells, row, "kommunekode", issues);
            var street = table.Required(cells, row, "vejnavn", issues);
            var number = table.Required(cells, row, "husnr", issues);
            var postCode = table.RequiredNumber(cells, row, "postnr", issues);
            var postName = table.Required(cells, row, "postnrnavn", issues);
            var e = table.RequiredNumber(cells, row, "etrs89_east", issues);
            var n = table.RequiredNumber(cells, row, "etrs89_north", issues);
            if (e is { } east && n is { } north && !DenmarkExtent.ContainsUtm32(east, north))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, "etrs89_east", $"({east.ToString(CultureInfo.InvariantCulture)}, {north.ToString(CultureInfo.InvariantCulture)}) lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
            if (issues.Count > before)
                continue;
            addresses.Add(new Address
            {
                Id = id!,
                MunicipalityCode = (int)municipality!.Value,
                StreetName = street!,
                HouseNumber = number!,
                PostCode = (int)postCode!.Value,
                PostCodeName = postName!,
                Position = GeometryTransforms.Utm32Point(e!.Value, n!.Value),
                Origin = new RecordOrigin(sourceId, table.File, row),
            });
        }
        return new ImportResult<Address>(addresses, issues);
    }
}
