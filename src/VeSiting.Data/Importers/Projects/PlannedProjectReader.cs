using VeSiting.Core.Questions;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Importers.Projects;

/// <summary>
/// A planned layout as a GeoJSON FeatureCollection (WGS 84, or EPSG:25832 with a <c>crs</c> member):
/// Point features are turbines with <c>hub_height_m</c>, <c>rotor_diameter_m</c> and <c>capacity_kw</c>
/// (or <c>capacity_mw</c>), or hydro and wave plants (<c>"kind": "hydro"</c> or <c>"wave"</c>) with their capacity;
/// Polygon features are solar parks with <c>capacity_mw</c>. An optional
/// <c>permit_date</c> (yyyy-mm-dd) may be given on the collection or any feature. Errors name the feature and property.
/// </summary>
public sealed class PlannedProjectReader
{
    private const string Source = "planned-project";

    public (IReadOnlyList<Plant> Plants, DateOnly? PermitDate) Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new ImportFailedException(Source, Path.GetFileName(path), $"not readable JSON: {e.Message}", e);
        }
        using (document)
            return Read(document.RootElement, Path.GetFileName(path));
    }

    /// <summary>Reads a layout already parsed (an HTTP request body); <paramref name="file"/> names it in errors.</summary>
    public (IReadOnlyList<Plant> Plants, DateOnly? PermitDate) Read(JsonElement root, string file)
    {
        const string source = Source;
        var features = GeoJsonFeatureReader.Read(root, file, source);
        var issues = new List<ImportIssue>();
        var plants = new List<Plant>();
        DateOnly? permit = ReadCollectionPermitDate(root);
        foreach (var f in features)
        {
            var id = f.Text("id") ?? f.Text("name") ?? $"planned-{f.Number}";
            var capacityKw = f.Numeric("capacity_kw") ?? f.Numeric("capacity_mw") * 1000;
            if (f.Text("permit_date") is { } text)
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    permit ??= date;
                else
                    issues.Add(Error(file, f.Number, "permit_date", $"'{text}' is not a date (yyyy-mm-dd)"));
            }
            if (capacityKw is < 0)
                issues.Add(Error(file, f.Number, "capacity_kw", "capacity must not be negative"));
            else if (capacityKw is { } kw && PlantSizes.Problem(PlantSizes.CapacityKw, kw) is { } tooLarge)
                issues.Add(Error(file, f.Number, f.Numeric("capacity_kw") is null ? PlantSizes.CapacityMw : PlantSizes.CapacityKw,
                    f.Numeric("capacity_kw") is null ? PlantSizes.Problem(PlantSizes.CapacityMw, kw / 1000)! : tooLarge));
            var kind = f.Text("kind")?.Trim().ToLowerInvariant();
            if (kind is not (null or "turbine" or "wind" or "solar" or "hydro" or "wave"))
                issues.Add(Error(file, f.Number, "kind", $"'{kind}' is not turbine, solar, hydro or wave"));
            switch (f.Geometry)
            {
                case Point point when kind is "hydro" or "wave":
                    if (capacityKw is null)
                        issues.Add(Error(file, f.Number, "capacity_kw", $"a {kind} plant needs its capacity"));
                    else if (!DenmarkExtent.ContainsUtm32(point.X, point.Y))
                        issues.Add(Error(file, f.Number, "geometry", $"position lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
                    else
                        plants.Add(new Plant
                        {
                            Id = id,
                            Kind = kind == "hydro" ? PlantKind.Hydro : PlantKind.Wave,
                            Status = PlantStatus.Planned,
                            Geometry = point,
                            CapacityKw = capacityKw,
                            Origin = new RecordOrigin(source, file, f.Number),
                        });
                    break;
                case Point point:
                    {
                        var hub = f.Numeric("hub_height_m");
                        var rotor = f.Numeric("rotor_diameter_m");
                        if (hub is not > 0)
                            issues.Add(Error(file, f.Number, "hub_height_m", hub is null ? "missing or not a number" : $"{hub} is not a positive height"));
                        if (rotor is not >= 0)
                            issues.Add(Error(file, f.Number, "rotor_diameter_m", rotor is null ? "missing or not a number" : $"{rotor} is not a rotor diameter"));
                        if (hub is > 0 && PlantSizes.Problem(PlantSizes.HubHeight, hub.Value) is { } badHub)
                            issues.Add(Error(file, f.Number, PlantSizes.HubHeight, badHub));
                        if (rotor is >= 0 && PlantSizes.Problem(PlantSizes.RotorDiameter, rotor.Value) is { } badRotor)
                            issues.Add(Error(file, f.Number, PlantSizes.RotorDiameter, badRotor));
                        if (!DenmarkExtent.ContainsUtm32(point.X, point.Y))
                            issues.Add(Error(file, f.Number, "geometry", $"position lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
                        var acoustics = LayoutAcoustics.Read(f, file, issues);
                        if (hub is > 0 && rotor is >= 0 && DenmarkExtent.ContainsUtm32(point.X, point.Y) && PlantSizes.Problem(PlantSizes.HubHeight, hub.Value) is null
                            && PlantSizes.Problem(PlantSizes.RotorDiameter, rotor.Value) is null)
                            plants.Add(PlannedPlants.Turbine(id, point.X, point.Y, hub.Value, rotor.Value, capacityKw) with { Origin = new RecordOrigin(source, file, f.Number), Acoustics = acoustics });
                        break;
                    }
                case Polygon or MultiPolygon:
                    {
                        var centre = f.Geometry.EnvelopeInternal.Centre;
                        if (capacityKw is null)
                            issues.Add(Error(file, f.Number, "capacity_mw", "a solar area needs its capacity"));
                        else if (!f.Geometry.IsValid)
                            issues.Add(Error(file, f.Number, "geometry", "the polygon is not valid (self-intersecting?)"));
                        else if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
                            issues.Add(Error(file, f.Number, "geometry", $"the area lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}"));
                        else
                            plants.Add(new Plant
                            {
                                Id = id,
                                Kind = PlantKind.SolarPark,
                                Status = PlantStatus.Planned,
                                Geometry = f.Geometry,
                                CapacityKw = capacityKw,
                                Siting = Siting.Onshore,
                                Origin = new RecordOrigin(source, file, f.Number),
                            });
                        break;
                    }
                default:
                    issues.Add(Error(file, f.Number, "geometry", $"expected a Point (turbine) or Polygon (solar), got {f.Geometry?.GeometryType ?? "none"}"));
                    break;
            }
        }
        if (issues.Count > 0)
            throw new ImportFailedException(source, issues);
        if (plants.Count == 0)
            throw new ImportFailedException(source, file, "the file holds no turbines or solar areas");
        return (plants, permit);
    }

    private static DateOnly? ReadCollectionPermitDate(JsonElement root)
    {
        return root.TryGetProperty("permit_date", out var p) && p.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static ImportIssue Error(string file, int feature, string property, string reason) =>
        new(ImportIssueSeverity.Error, file, feature, property, reason);
}
