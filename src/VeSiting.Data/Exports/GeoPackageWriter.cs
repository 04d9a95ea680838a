using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace VeSiting.Data.Exports;

/// <summary>One feature table of a GeoPackage: name, geometry type, attribute columns and rows (geometry in EPSG:25832).</summary>
public sealed record GeoPackageLayer(string Table, string Description, string GeometryType, IReadOnlyList<(string Name, string SqlType)> Columns, IReadOnlyList<(Geometry Geometry, object?[] Values)> Rows);

/// <summary>
/// Writes OGC GeoPackage 1.2 files (SQLite) that QGIS opens directly from layers held in memory; large exports
/// stream rows through <see cref="GeoPackageFile"/> instead.
/// </summary>
public static class GeoPackageWriter
{
    public static byte[] Write(IReadOnlyList<GeoPackageLayer> layers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-{Guid.NewGuid():N}.gpkg");
        try
        {
            WriteFile(path, layers);
            return File.ReadAllBytes(path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    public static void WriteFile(string path, IReadOnlyList<GeoPackageLayer> layers)
    {
        using var file = GeoPackageFile.Create(path);
        foreach (var layer in layers)
        {
            var table = file.AddTable(layer.Table, layer.Description, layer.GeometryType, layer.Columns);
            foreach (var (geometry, values) in layer.Rows)
                table.Add(geometry, values);
            table.Finish();
        }
        file.Commit();
    }
}
