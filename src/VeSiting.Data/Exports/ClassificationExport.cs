using CsvHelper;
using VeSiting.Core.Assessments;

namespace VeSiting.Data.Exports;

/// <summary>Classified dwellings as CSV lines or a GeoPackage point table, row by row (the CLI and the API share it).</summary>
public static class ClassificationExport
{
    public const string Table = "classified_dwellings";

    /// <summary>The header's fields (end the row with NextRecord / NextRecordAsync).</summary>
    public static void WriteCsvHeader(CsvWriter csv, bool synthetic)
    {
        csv.WriteFields("id", "e", "n", "nearest_plant", "distance_m", "multiple_of_h", "ring");
        if (synthetic)
            csv.WriteField("synthetic");
    }

    /// <summary>One dwelling's fields (end the row with NextRecord / NextRecordAsync).</summary>
    public static void WriteCsvRow(CsvWriter csv, ClassifiedDwelling d, bool synthetic)
    {
        csv.WriteFields(d.Id, F(d.E, "0.00"), F(d.N, "0.00"), d.PlantId, double.IsFinite(d.DistanceM) ? F(d.DistanceM, "0.00") : "",
            d.MultipleOfH is { } k ? F(k, "0.###") : "", d.Ring);
        if (synthetic)
            csv.WriteField("true");
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Writes the dwellings to a new GeoPackage at <paramref name="path"/>; returns how many were written.</summary>
    public static long WriteGeoPackage(string path, IEnumerable<ClassifiedDwelling> dwellings, bool synthetic, string description)
    {
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        using var file = GeoPackageFile.Create(path);
        var table = file.AddTable(Table, description, "POINT",
            [("dwelling_id", "TEXT"), ("nearest_plant", "TEXT"), ("distance_m", "REAL"), ("multiple_of_h", "REAL"), ("ring", "TEXT"), ("synthetic", "INTEGER")]);
        foreach (var d in dwellings)
        {
            table.Add(factory.CreatePoint(new Coordinate(d.E, d.N)), d.Id, d.PlantId,
                double.IsFinite(d.DistanceM) ? Math.Round(d.DistanceM, 2) : null, d.MultipleOfH is { } k ? Math.Round(k, 3) : null, d.Ring, synthetic ? 1 : 0);
        }
        table.Finish();
        file.Commit();
        return table.Rows;
    }
}
