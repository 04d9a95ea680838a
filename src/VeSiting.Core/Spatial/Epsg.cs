namespace VeSiting.Core.Spatial;

/// <summary>The EPSG codes VeSiting works in.</summary>
public static class Epsg
{
    /// <summary>WGS 84 longitude/latitude (GeoJSON, web maps).</summary>
    public const int Wgs84 = 4326;
    /// <summary>ETRS89 / UTM zone 32N: the metric system of all distances.</summary>
    public const int Utm32 = 25832;
    /// <summary>ETRS89 / UTM zone 33N: Bornholm's formal zone.</summary>
    public const int Utm33 = 25833;
    /// <summary>Web Mercator: for tiles only, never for lengths.</summary>
    public const int WebMercator = 3857;
}
