namespace VeSiting.Api.Endpoints.Ogc;

/// <summary>OGC API – Features Part 2: the two CRSs the collections are offered in, CRS84 (the default) and EPSG:25832.</summary>
public static class OgcCrs
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public const string Utm32 = "http://www.opengis.net/def/crs/EPSG/0/25832";

    public static readonly string[] Supported = [Crs84, Utm32];

    /// <summary>The EPSG code of a CRS parameter (URI, "EPSG:25832", "[EPSG:25832]" or "CRS84"); null = CRS84.</summary>
    public static int Parse(string? value, string field)
    {
        if (value is null)
            return Epsg.Wgs84;
        var v = value.Trim().Trim('[', ']');
        if (v is Crs84 or "CRS84" or "OGC:CRS84" or "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
            return Epsg.Wgs84;
        if (v is Utm32 or "EPSG:25832" or "urn:ogc:def:crs:EPSG::25832")
            return Epsg.Utm32;
        throw Hosting.Problems.RefusalProblems.Invalid(field, Reason.Of("ogc.crs-not-offered", ("value", Hosting.Problems.ProblemText.Echo(value)), ("crs84", Crs84), ("utm32", Utm32)));
    }

    public static string Uri(int epsg) => epsg == Epsg.Utm32 ? Utm32 : Crs84;
}
