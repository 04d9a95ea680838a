using VeSiting.Core.Suitability.Raster;
using VeSiting.Data.Exports;

namespace VeSiting.Data.Suitability;

/// <summary>A siting raster as a GeoTIFF: band 1 the score (nodata where excluded or outside the area), then one band per criterion in use.</summary>
public static class SuitabilityGeoTiff
{
    public static void Write(Stream output, SuitabilityRaster raster, CancellationToken cancellationToken = default)
    {
        var grid = raster.Grid;
        var bands = new List<GeoTiffBand> { new($"score 0-100 ({raster.Profile.Id}@{raster.Profile.Version})", i => (float)raster.Score[i]) };
        for (var c = 0; c < raster.Criteria.Count; c++)
        {
            var values = raster.Bands[c];
            bands.Add(new GeoTiffBand($"{raster.Criteria[c].Criterion} ({Ascii(raster.Units[c])})", i => values[i]));
        }
        GeoTiffWriter.Write(output, grid.Columns, grid.Rows, grid.West, grid.North, grid.CellSize, Epsg.Utm32, bands, cancellationToken);
    }

    /// <summary>TIFF text is ASCII: km² becomes km2.</summary>
    private static string Ascii(string unit) => unit.Replace("²", "2", StringComparison.Ordinal);

    public static void Write(string path, SuitabilityRaster raster, CancellationToken cancellationToken = default)
    {
        using var file = File.Create(path);
        Write(file, raster, cancellationToken);
    }
}
