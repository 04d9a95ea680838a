namespace VeSiting.Core.Spatial;

/// <summary>
/// A generous bounding box of Denmark, its waters and Bornholm in EPSG:25832 and in longitude/latitude,
/// used to reject coordinates that are swapped, in the wrong system or plainly wrong.
/// </summary>
public static class DenmarkExtent
{
    public const double MinEasting = 380_000, MaxEasting = 920_000, MinNorthing = 6_020_000, MaxNorthing = 6_440_000;
    public const double MinLon = 7.0, MaxLon = 15.8, MinLat = 54.3, MaxLat = 58.0;

    public static bool ContainsUtm32(double e, double n) => e is >= MinEasting and <= MaxEasting && n is >= MinNorthing and <= MaxNorthing;

    public static bool ContainsLonLat(double lon, double lat) => lon is >= MinLon and <= MaxLon && lat is >= MinLat and <= MaxLat;

    public static string DescribeUtm32 => string.Create(CultureInfo.InvariantCulture, $"E {MinEasting:0}–{MaxEasting:0}, N {MinNorthing:0}–{MaxNorthing:0} (EPSG:25832)");

    public static string DescribeLonLat => string.Create(CultureInfo.InvariantCulture, $"lon {MinLon}–{MaxLon}, lat {MinLat}–{MaxLat}");
}
