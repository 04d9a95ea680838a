using System.Globalization;
using VeSiting.Core.Domain;
using VeSiting.Core.Importing;
using VeSiting.Core.Spatial;

namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// National addresses as CSV, streamed (the national file has millions of rows): the built-in DAR extract
/// (<c>husnummer_id, kommunekode, vejnavn, husnr, postnr, postnrnavn, etrs89_east, etrs89_north</c>), DAWA
/// <c>adgangsadresser</c> or DAWA <c>adresser</c> (unit addresses, counted into <see cref="Address.Households"/> per access
/// address), in any column order, UTF-8 with or without BOM. Positions are taken in EPSG:25832 as published; retired
/// addresses (status 2, 4) are skipped with a note of why.
/// </summary>
public sealed class DarAddressReader
{
    private const int ProgressEvery = 50_000;

    public ImportResult<Address> Read(string path, string sourceId, IProgress<double>? progress = null)
    {
        DarCsvLayout layout = null!;
        using var stream = CsvRowStream.Open(path, sourceId, header => (layout = DarCsvLayout.Of(header)).Required);
        var table = stream.Table;
        var issues = new List<ImportIssue>(table.FileIssues);
        var addresses = new List<Address>();
        var units = layout.IsUnitLayout ? new Dictionary<string, (int Index, int Households)>(StringComparer.Ordinal) : null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string s) => names.TryGetValue(s, out var pooled) ? pooled : names[s] = s;
        var count = 0;
        foreach (var (row, cells) in stream.Records())
        {
            if (++count % ProgressEvery == 0)
                progress?.Report(stream.Fraction);
            var status = layout.Status is { } statusColumn ? table.Get(cells, statusColumn) : null;
            if (!DarCsvLayout.InUse(status))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, table.File, row, layout.Status, $"status {status}: the address is retired, not in use"));
                continue;
            }
            var before = issues.Count;
            var id = table.Required(cells, row, layout.AccessId, issues);
            if (units is not null && id is not null && units.TryGetValue(id, out var known))
            {
                units[id] = known with { Households = known.Households + 1 };
                continue;
            }
            var municipality = table.RequiredNumber(cells, row, DarCsvLayout.Municipality, issues);
            var street = table.Required(cells, row, DarCsvLayout.Street, issues);
            var number = table.Required(cells, row, DarCsvLayout.HouseNumber, issues);
            var postCode = table.RequiredNumber(cells, row, DarCsvLayout.PostCode, issues);
            var postName = table.Required(cells, row, DarCsvLayout.PostCodeName, issues);
            var e = table.RequiredNumber(cells, row, layout.East, issues);
            var n = table.RequiredNumber(cells, row, layout.North, issues);
            if (e is { } east && n is { } north && !DenmarkExtent.ContainsUtm32(east, north))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, layout.East, $"({east.ToString(CultureInfo.InvariantCulture)}, {north.ToString(CultureInfo.InvariantCulture)}) lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
            if (issues.Count > before)
                continue;
            units?.Add(id!, (addresses.Count, 1));
            addresses.Add(new Address
            {
                Id = id!,
                MunicipalityCode = (int)municipality!.Value,
                StreetName = Pooled(street!),
                HouseNumber = number!,
                PostCode = (int)postCode!.Value,
                PostCodeName = Pooled(postName!),
                Position = GeometryTransforms.Utm32Point(e!.Value, n!.Value),
                Origin = new RecordOrigin(sourceId, table.File, row),
            });
        }
        if (units is not null)
        {
            foreach (var (index, households) in units.Values)
                addresses[index] = addresses[index] with { Households = households };
        }
        progress?.Report(1);
        return new ImportResult<Address>(addresses, issues);
    }
}
