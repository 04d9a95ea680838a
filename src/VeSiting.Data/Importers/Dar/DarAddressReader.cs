using nietras.SeparatedValues;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Dar;

/// <summary>
/// National addresses as CSV, streamed (the national file has millions of rows): the built-in DAR extract
/// (<c>husnummer_id, kommunekode, vejnavn, husnr, postnr, postnrnavn, etrs89_east, etrs89_north</c>), DAWA
/// <c>adgangsadresser</c> or DAWA <c>adresser</c> (unit addresses, counted into <see cref="Address.Households"/> per access
/// address), in any column order, UTF-8 with or without BOM; or Datafordeleren's DAR bulk download (JSON, see
/// <see cref="DarJsonReader"/>). Positions are taken in EPSG:25832 as published; retired
/// addresses (status 2, 4) are skipped with a note of why. Cells are read as spans; a string is made only for what an
/// address keeps, and street names, postcode names and house numbers are shared between the addresses that repeat them.
/// </summary>
public sealed class DarAddressReader
{
    private const int ProgressEvery = 50_000;

    /// <summary>
    /// Reads the file; <paramref name="unitAddressLinks"/>, when given (BBR units are loaded), is filled with each unit
    /// address in use (DAWA <c>adresser</c> id, DAR <c>Adresse</c> id) and the id of the access address it belongs to; a
    /// file without unit addresses adds none.
    /// </summary>
    public ImportResult<Address> Read(string path, string sourceId, IProgress<double>? progress = null, UnitAddressLinks? unitAddressLinks = null)
    {
        if (File.Exists(path) && DarJsonReader.IsJson(path))
            return new DarJsonReader().Read(path, sourceId, progress, unitAddressLinks);
        var (result, note) = CsvRowStream.ReadAll(path, sourceId, header => DarCsvLayout.Of(header).Required, stream =>
        {
            unitAddressLinks?.Clear();
            return ReadRows(stream, sourceId, progress, unitAddressLinks);
        });
        return note is null ? result : result with { Issues = [note, .. result.Issues] };
    }

    private static ImportResult<Address> ReadRows(CsvRowStream stream, string sourceId, IProgress<double>? progress, UnitAddressLinks? unitAddressLinks)
    {
        var layout = DarCsvLayout.Of(stream.Header);
        var columns = new Columns(stream, layout);
        var file = stream.File;
        var issues = new List<ImportIssue>();
        var pending = new List<Pending>();
        // Unit addresses: the first row of an access address makes it; later rows count one more household.
        var byAccessId = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var households = new List<int>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        string Pooled(ReadOnlySpan<char> s)
        {
            if (names.TryGetValue(s, out var pooled))
                return pooled;
            var made = s.ToString();
            names[made] = made;
            return made;
        }
        var unitIdColumn = stream.IndexOf(layout.UnitId);
        void Link(SepReader.Row row, string accessId)
        {
            if (unitAddressLinks is null)
                return;
            var unitId = CsvRowStream.Cell(row, unitIdColumn);
            if (!unitId.IsEmpty)
                unitAddressLinks.Add(unitId, accessId);
        }
        var count = 0;
        foreach (var row in stream.Rows)
        {
            if (++count % ProgressEvery == 0)
                progress?.Report(stream.Fraction);
            var number = CsvRowStream.RowNumber(row);
            var status = CsvRowStream.Cell(row, columns.Status);
            if (!DarCsvLayout.InUse(status))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, file, number, layout.Status, Reason.Of("import.dar-retired", ("status", status.ToString()))));
                continue;
            }
            var id = CsvRowStream.Cell(row, columns.AccessId);
            if (layout.IsUnitLayout && !id.IsEmpty && byAccessId.TryGetValue(id, out var known))
            {
                households[known]++;
                Link(row, pending[known].Id);
                continue;
            }
            var before = issues.Count;
            var cells = new RowCells(file, number, issues);
            if (id.IsEmpty)
                cells.Missing(layout.AccessId);
            var municipality = cells.Number(row, columns.Municipality, DarCsvLayout.Municipality);
            var street = cells.Text(row, columns.Street, DarCsvLayout.Street);
            var houseNumber = cells.Text(row, columns.HouseNumber, DarCsvLayout.HouseNumber);
            var postCode = cells.Number(row, columns.PostCode, DarCsvLayout.PostCode);
            var postName = cells.Text(row, columns.PostCodeName, DarCsvLayout.PostCodeName);
            var e = cells.Number(row, columns.East, layout.East);
            var n = cells.Number(row, columns.North, layout.North);
            if (e is { } east && n is { } north && !DenmarkExtent.ContainsUtm32(east, north))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, number, layout.East, Reason.Of("import.point-outside-extent", ("x", east.ToString(CultureInfo.InvariantCulture)), ("y", north.ToString(CultureInfo.InvariantCulture)), ("extent", DenmarkExtent.DescribeUtm32))));
            if (issues.Count > before)
                continue;
            var accessId = id.ToString();
            if (layout.IsUnitLayout)
            {
                byAccessId.Dictionary.Add(accessId, pending.Count);
                Link(row, accessId);
            }
            households.Add(1);
            pending.Add(new Pending(accessId, (int)municipality!.Value, Pooled(street), Pooled(houseNumber), (int)postCode!.Value, Pooled(postName), e!.Value, n!.Value, number));
        }
        var addresses = new Address[pending.Count];
        for (var i = 0; i < addresses.Length; i++)
        {
            var p = pending[i];
            addresses[i] = new Address
            {
                Id = p.Id,
                MunicipalityCode = p.Municipality,
                StreetName = p.Street,
                HouseNumber = p.HouseNumber,
                PostCode = p.PostCode,
                PostCodeName = p.PostCodeName,
                Position = GeometryTransforms.Utm32Point(p.East, p.North),
                Origin = new RecordOrigin(sourceId, file, p.Row),
                Households = layout.IsUnitLayout ? households[i] : null,
            };
        }
        progress?.Report(1);
        return new ImportResult<Address>(addresses, issues);
    }

    /// <summary>Required cells of one row; a blank or unreadable one is an error naming file, row and column.</summary>
    private readonly record struct RowCells(string File, int Row, List<ImportIssue> Issues)
    {
        public void Missing(string column) => Issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, Row, column, Reason.Of("import.missing")));

        public ReadOnlySpan<char> Text(SepReader.Row row, int column, string name)
        {
            var cell = CsvRowStream.Cell(row, column);
            if (cell.IsEmpty)
                Missing(name);
            return cell;
        }

        public double? Number(SepReader.Row row, int column, string name)
        {
            var cell = CsvRowStream.Cell(row, column);
            if (cell.IsEmpty)
                Missing(name);
            else if (CsvRowStream.TryNumber(cell, out var value))
                return value;
            else
                Issues.Add(new ImportIssue(ImportIssueSeverity.Error, File, Row, name, Reason.Of("import.not-number", ("value", cell.ToString()))));
            return null;
        }
    }

    /// <summary>What one access address row gave, until its households are counted.</summary>
    private readonly record struct Pending(string Id, int Municipality, string Street, string HouseNumber, int PostCode, string PostCodeName, double East, double North, int Row);

    /// <summary>The column indexes of a layout in one file's header (-1 where absent).</summary>
    private sealed class Columns(CsvRowStream stream, DarCsvLayout layout)
    {
        public int Status { get; } = stream.IndexOf(layout.Status);
        public int AccessId { get; } = stream.IndexOf(layout.AccessId);
        public int Municipality { get; } = stream.IndexOf(DarCsvLayout.Municipality);
        public int Street { get; } = stream.IndexOf(DarCsvLayout.Street);
        public int HouseNumber { get; } = stream.IndexOf(DarCsvLayout.HouseNumber);
        public int PostCode { get; } = stream.IndexOf(DarCsvLayout.PostCode);
        public int PostCodeName { get; } = stream.IndexOf(DarCsvLayout.PostCodeName);
        public int East { get; } = stream.IndexOf(layout.East);
        public int North { get; } = stream.IndexOf(layout.North);
    }
}
