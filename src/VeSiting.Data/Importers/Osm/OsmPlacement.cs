using System.Security.Cryptography;
using NetTopologySuite.IO;
using VeSiting.Data.Embedded;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// Where the addresses and footprints of one OpenStreetMap extract lie among the municipalities of one edition of the
/// boundaries (<see cref="Boundaries"/>, a hash of their codes and geometries): done once, when the file is added, and
/// kept in the extract cache, so loading and importing do not test millions of points again. An address holds its
/// municipality's code (0 when it lies outside every one) and <see cref="Addresses"/> says how it was placed; a footprint
/// is placed by its interior point (<see cref="Buildings"/>: the municipality's code as text, null outside every one).
/// </summary>
public sealed record OsmPlacement(string Boundaries, byte[] Addresses, string?[] Buildings)
{
    /// <summary>The address lies outside every (simplified) municipal boundary; it was placed in the nearest within <see cref="NearestMunicipalityM"/>.</summary>
    public const byte PlacedInNearest = 1;

    /// <summary>No municipality (with a numeric code) holds the address or lies within <see cref="NearestMunicipalityM"/>: it is skipped.</summary>
    public const byte Outside = 2;

    /// <summary>How far outside the (simplified) municipal boundaries an address is still placed in the nearest municipality.</summary>
    public const double NearestMunicipalityM = 2_000;

    private static readonly GeometryFactory Utm = GeometryTransforms.FactoryFor(Epsg.Utm32);

    /// <summary>The boundaries' edition: a hash of every municipality's code and geometry, in order.</summary>
    public static string KeyOf(IReadOnlyList<AdminArea> municipalities)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var wkb = new WKBWriter();
        foreach (var m in municipalities)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(m.Code + "\n"));
            hash.AppendData(wkb.Write(m.Geometry));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when the extract was placed against these boundaries (key from <see cref="KeyOf"/>).</summary>
    public static bool IsPlaced(OsmExtract extract, string boundaries) =>
        extract.Placement is { } p && p.Boundaries == boundaries && p.Addresses.Length == extract.Addresses.Count && p.Buildings.Length == extract.Buildings.Count;

    /// <summary>The extract with every address and footprint placed (on as many threads as there are cores).</summary>
    internal static OsmExtract Place(OsmExtract extract, AreaGrid municipalities, string boundaries)
    {
        var addresses = new Address[extract.Addresses.Count];
        var how = new byte[addresses.Length];
        var buildings = new string?[extract.Buildings.Count];
        InParts(addresses.Length, () => new AreaLocator(municipalities), (locator, i) =>
        {
            var address = extract.Addresses[i];
            var (x, y) = address.Xy;
            (var code, how[i]) = AddressAt(locator, x, y);
            addresses[i] = address.MunicipalityCode == code ? address : address with { MunicipalityCode = code };
        });
        InParts(buildings.Length, () => new AreaLocator(municipalities), (locator, i) => buildings[i] = BuildingAt(locator, extract.Buildings[i]));
        return extract with { Addresses = addresses, Placement = new OsmPlacement(boundaries, how, buildings) };
    }

    /// <summary>
    /// The municipality's code of an address at <paramref name="x"/>, <paramref name="y"/> (EPSG:25832; 0 outside every
    /// one) and how it was placed (<see cref="PlacedInNearest"/>, <see cref="Outside"/>); the locator's own thread.
    /// </summary>
    internal static (int Code, byte How) AddressAt(AreaLocator locator, double x, double y)
    {
        var area = locator.At(x, y, Utm);
        byte how = 0;
        if (area is null && Nearest(Utm.CreatePoint(new Coordinate(x, y)), locator.Areas) is { } near)
        {
            area = near;
            how |= PlacedInNearest;
        }
        if (area?.NumericCode is null)
            how |= Outside;
        return (area?.NumericCode ?? 0, how);
    }

    /// <summary>The municipality's code (as text) of a footprint's interior point; null outside every one.</summary>
    internal static string? BuildingAt(AreaLocator locator, Building building) => locator.AtInteriorPointOf(building)?.Code;

    private static void InParts<TLocal>(int count, Func<TLocal> local, Action<TLocal, int> body)
    {
        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, count / 10_000));
        Parallel.For(0, parts, part =>
        {
            var state = local();
            for (var i = (int)((long)count * part / parts); i < (int)((long)count * (part + 1) / parts); i++)
                body(state, i);
        });
    }

    private static AdminArea? Nearest(Point point, IReadOnlyList<AdminArea> municipalities) =>
        municipalities.Select(m => (Area: m, Distance: m.Geometry.EnvelopeInternal.Distance(point.EnvelopeInternal) <= NearestMunicipalityM ? m.Geometry.Distance(point) : double.MaxValue))
            .Where(c => c.Distance <= NearestMunicipalityM)
            .OrderBy(c => c.Distance).ThenBy(c => c.Area.Code, StringComparer.Ordinal)
            .Select(c => c.Area).FirstOrDefault();
}
