using Microsoft.Data.Sqlite;

namespace VeSiting.Data.Exports;

/// <summary>One feature table of a GeoPackage: name, geometry type, attribute columns and rows (geometry in EPSG:25832).</summary>
public sealed record GeoPackageLayer(string Table, string Description, string GeometryType, IReadOnlyList<(string Name, string SqlType)> Columns, IReadOnlyList<(Geometry Geometry, object?[] Values)> Rows);

/// <summary>One attributes table of a GeoPackage (no geometry): name, columns and rows.</summary>
public sealed record GeoPackageAttributes(string Table, string Description, IReadOnlyList<(string Name, string SqlType)> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Writes OGC GeoPackage 1.2 files (SQLite) that QGIS opens directly from layers held in memory; large exports
/// stream rows through <see cref="GeoPackageFile"/> instead.
/// </summary>
public static class GeoPackageWriter
{
    public static byte[] Write(IReadOnlyList<GeoPackageLayer> layers, IReadOnlyList<GeoPackageAttributes>? attributes = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-{Guid.NewGuid():N}.gpkg");
        try
        {
            WriteFile(path, layers, attributes);
            return File.ReadAllBytes(path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    public static void WriteFile(string path, IReadOnlyList<GeoPackageLayer> layers, IReadOnlyList<GeoPackageAttributes>? attributes = null)
    {
        using var file = GeoPackageFile.Create(path);
        foreach (var layer in layers)
        {
            var table = file.AddTable(layer.Table, layer.Description, layer.GeometryType, layer.Columns);
            foreach (var (geometry, values) in layer.Rows)
                table.Add(geometry, values);
            table.Finish();
        }
        foreach (var attributeTable in attributes ?? [])
        {
            var table = file.AddAttributeTable(attributeTable.Table, attributeTable.Description, attributeTable.Columns);
            foreach (var values in attributeTable.Rows)
                table.Add(null, values);
            table.Finish();
        }
        file.Commit();
    }
}
