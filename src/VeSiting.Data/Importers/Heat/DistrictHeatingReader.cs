using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Importers.Heat;

/// <summary>District-heating plants as GeoJSON points: <c>forsyid</c>, <c>name</c>, <c>current_main_fuel</c>, <c>total_area_km2</c>.</summary>
public sealed class DistrictHeatingReader
{
    public ImportResult<DistrictHeatingPlant> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var issues = new List<ImportIssue>();
        var plants = new List<DistrictHeatingPlant>();
        foreach (var feature in GeoJsonFeatureReader.Read(path, sourceId))
        {
            var name = feature.Text("name");
            if (name is null)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "name", Reason.Of("import.no-name")));
                continue;
            }
            if (GeoJsonFeatureReader.PointInDenmark(feature, file, issues) is not { } point)
                continue;
            plants.Add(new DistrictHeatingPlant
            {
                Id = feature.Text("forsyid") ?? $"feature-{feature.Number}",
                Name = name,
                Position = point,
                MainFuel = feature.Text("current_main_fuel"),
                SupplyAreaKm2 = feature.Numeric("total_area_km2"),
                Origin = new RecordOrigin(sourceId, file, feature.Number),
            });
        }
        return new ImportResult<DistrictHeatingPlant>(plants, issues);
    }
}
