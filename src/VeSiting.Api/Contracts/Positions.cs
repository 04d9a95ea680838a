namespace VeSiting.Api.Contracts;

/// <summary>Positions for web clients: longitude/latitude (WGS 84) beside ETRS89 / UTM 32N.</summary>
public sealed record Position(double Lon, double Lat, double E, double N)
{
    public static Position Of(Geometry geometry)
    {
        var c = geometry.Centroid;
        var (lon, lat) = CoordinateTransformer.Instance.FromUtm32(c.X, c.Y);
        return new Position(Math.Round(lon, 7), Math.Round(lat, 7), Math.Round(c.X, 2), Math.Round(c.Y, 2));
    }
}
