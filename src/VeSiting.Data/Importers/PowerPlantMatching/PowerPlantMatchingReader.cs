using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.PowerPlantMatching;

/// <summary>
/// powerplantmatching's <c>powerplants.csv</c> (Danish rows): solar parks, wind farms and other plants with
/// capacity in MW and WGS 84 lat/lon, projected to EPSG:25832. A plant whose <c>DateOut</c> year is before
/// the edition year is decommissioned. Rows of other countries are reported as skipped.
/// </summary>
public sealed class PowerPlantMatchingReader(int editionYear = 2024)
{
    private static readonly string[] Required = ["id", "Name", "Fueltype", "Technology", "Country", "Capacity", "lat", "lon"];

    public ImportResult<Plant> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, Required);
        var issues = new List<ImportIssue>(table.FileIssues);
        var plants = new List<Plant>();
        foreach (var (row, cells) in table.Rows)
        {
            var country = table.Get(cells, "Country");
            if (!string.Equals(country, "Denmark", StringComparison.OrdinalIgnoreCase))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Skipped, table.File, row, "Country", Reason.Of("import.not-denmark", ("value", country ?? ""))));
                continue;
            }
            var before = issues.Count;
            var id = table.Required(cells, row, "id", issues);
            var name = table.Required(cells, row, "Name", issues);
            var fuel = table.Required(cells, row, "Fueltype", issues);
            var capacityMw = table.RequiredNumber(cells, row, "Capacity", issues);
            var lat = table.RequiredNumber(cells, row, "lat", issues);
            var lon = table.RequiredNumber(cells, row, "lon", issues);
            var dateIn = table.OptionalNumber(cells, row, "DateIn", issues);
            var dateOut = table.OptionalNumber(cells, row, "DateOut", issues);
            if (capacityMw < 0)
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, "Capacity", Reason.Of("import.negative-capacity", ("mw", capacityMw.Value))));
            if (lat is { } la && lon is { } lo && !DenmarkExtent.ContainsLonLat(lo, la))
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, "lat", Reason.Of("import.lat-lon-outside-denmark", ("lat", la.ToString(CultureInfo.InvariantCulture)), ("lon", lo.ToString(CultureInfo.InvariantCulture)), ("extent", DenmarkExtent.DescribeLonLat))));
            if (issues.Count > before)
                continue;

            var technology = table.Get(cells, "Technology");
            var (e, n) = CoordinateTransformer.Instance.ToUtm32(lon!.Value, lat!.Value);
            plants.Add(new Plant
            {
                Id = $"ppm:{id}",
                Name = name,
                Kind = KindOf(fuel!),
                Status = dateOut is { } o && o < editionYear ? PlantStatus.Decommissioned : PlantStatus.Operating,
                Geometry = GeometryTransforms.Utm32Point(e, n),
                Origin = new RecordOrigin(sourceId, table.File, row),
                CapacityKw = capacityMw * 1000,
                Technology = technology is null ? fuel : $"{fuel} / {technology}",
                Siting = SitingOf(fuel!, technology),
                ConnectedOn = YearStart(dateIn),
                ConnectedOnPrecision = DatePrecision.Year,
                DecommissionedOn = YearStart(dateOut),
            });
        }
        return new ImportResult<Plant>(plants, issues);
    }

    private static PlantKind KindOf(string fuel) => fuel.Trim().ToLowerInvariant() switch
    {
        "solar" => PlantKind.SolarPark,
        "wind" => PlantKind.WindFarm,
        "hydro" => PlantKind.Hydro,
        _ => PlantKind.Other,
    };

    private static Siting SitingOf(string fuel, string? technology) =>
        technology?.Trim().ToLowerInvariant() switch
        {
            "offshore" => Siting.Offshore,
            "onshore" => Siting.Onshore,
            _ => fuel.Trim().Equals("solar", StringComparison.OrdinalIgnoreCase) ? Siting.Onshore : Siting.Unknown,
        };

    /// <summary>powerplantmatching gives years ("2009.0"); the date is the year's first day, marked <see cref="DatePrecision.Year"/>.</summary>
    private static DateOnly? YearStart(double? year) => year is { } y && y is >= 1800 and <= 2200 ? new DateOnly((int)y, 1, 1) : null;
}
