using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using VeSiting.Core.Explanations;
using VeSiting.Data.Importers.GeoJson;

namespace VeSiting.Data.Importers.Dagi;

/// <summary>
/// DAGI areas from GeoJSON: municipalities and regions (<c>kode</c>, <c>navn</c>) and postcode areas
/// (<c>POSTNR_TXT</c>, <c>POSTBYNAVN</c>). Several polygons of one code become one multipolygon.
/// </summary>
public sealed class DagiAreaReader(AdminAreaKind kind)
{
    private (string Code, string Name)[] PropertyNames => kind switch
    {
        AdminAreaKind.PostCode => [("POSTNR_TXT", "POSTBYNAVN"), ("postnr", "navn"), ("nr", "navn")],
        _ => [("kode", "navn"), ("KOMKODE", "KOMNAVN"), ("REGIONKODE", "REGIONNAVN")],
    };

    public ImportResult<AdminArea> Read(string path, string sourceId)
    {
        var file = Path.GetFileName(path);
        var issues = new List<ImportIssue>();
        var parts = new List<(string Code, string Name, Polygon[] Polygons, GeoJsonFeature Feature)>();
        foreach (var feature in GeoJsonFeatureReader.Read(path, sourceId))
        {
            var names = PropertyNames.FirstOrDefault(p => feature.Text(p.Code) is not null);
            var code = names.Code is null ? null : feature.Text(names.Code);
            var name = names.Name is null ? null : feature.Text(names.Name);
            if (code is null || name is null)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, names.Code ?? PropertyNames[0].Code,
                    Reason.Of("import.dagi-no-code", ("kind", Reason.Word("import.area-the", kind.ToString())), ("expected", ImportWords.Or(PropertyNames.Select(p => $"{p.Code}/{p.Name}"))))));
                continue;
            }
            var polygons = feature.Geometry switch
            {
                Polygon p => [p],
                MultiPolygon mp => mp.Geometries.Cast<Polygon>().ToArray(),
                _ => null,
            };
            if (polygons is null || polygons.Length == 0)
            {
                issues.Add(new ImportIssue(ImportIssueSeverity.Error, file, feature.Number, "geometry", Reason.Of("import.expected-polygon", ("got", ImportWords.GeometryOf(feature.Geometry, "import.geometry-none")))));
                continue;
            }
            parts.Add((code, name, polygons, feature));
        }

        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var areas = parts.GroupBy(p => p.Code).Select(g =>
        {
            var first = g.First();
            var polygons = g.SelectMany(p => p.Polygons).ToArray();
            Geometry geometry = polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
            // Simplified boundaries self-intersect here and there; point-in-area tests on invalid polygons
            // differ between libraries (or throw), so every store gets the same repaired geometry.
            if (!geometry.IsValid)
            {
                var reason = new IsValidOp(geometry).ValidationError;
                geometry = factory.CreateGeometry(GeometryFixer.Fix(geometry));
                issues.Add(new ImportIssue(ImportIssueSeverity.Note, file, first.Feature.Number, "geometry",
                    Reason.Of("import.dagi-repaired", ("kind", Reason.Word("import.area-kind", kind.ToString())), ("code", g.Key), ("name", first.Name),
                        ("problem", reason?.Message ?? ""), ("at", reason?.Coordinate?.ToString() ?? ""))));
            }
            return new AdminArea
            {
                Kind = kind,
                Code = g.Key,
                Name = first.Name,
                Geometry = geometry,
                Origin = new RecordOrigin(sourceId, file, first.Feature.Number),
            };
        }).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        return new ImportResult<AdminArea>(areas, issues);
    }
}
