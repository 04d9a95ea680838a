using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Importers.GeoDanmark;

/// <summary>GeoDanmark building footprints (GeoJSON in EPSG:25832, 3D polygons → 2D): <c>ID_LOKALID</c>, <c>BBRUUID</c>, <c>BYGNINGSTYPE</c>.</summary>
public sealed class GeoDanmarkBuildingReader
{
    public ImportResult<Building> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var issues = new List<ImportIssue>();
        var buildings = new List<Building>();
        foreach (var feature in GeoJsonFeatureReader.Read(path, sourceId))
        {
            var id = feature.Text("ID_LOKALID");
            var type = feature.Text("BYGNINGSTYPE");
            if (id is null || type is null)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, id is null ? "ID_LOKALID" : "BYGNINGSTYPE", Reason.Of("import.required-missing")));
                continue;
            }
            if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "geometry", Reason.Of("import.expected-footprint", ("got", ImportWords.GeometryOf(feature.Geometry, "import.geometry-none")))));
                continue;
            }
            var centre = feature.Geometry.EnvelopeInternal.Centre;
            if (!DenmarkExtent.ContainsUtm32(centre.X, centre.Y))
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "geometry", Reason.Of("import.footprint-outside-extent", ("extent", DenmarkExtent.DescribeUtm32))));
                continue;
            }
            buildings.Add(new Building
            {
                Id = id,
                BbrId = feature.Text("BBRUUID")?.ToLowerInvariant(),
                BuildingType = type,
                Footprint = feature.Geometry,
                Origin = new RecordOrigin(sourceId, file, feature.Number),
            });
        }
        return new ImportResult<Building>(buildings, issues);
    }
}
