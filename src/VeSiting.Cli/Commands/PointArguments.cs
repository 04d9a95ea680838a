using System.Globalization;
using NetTopologySuite.Geometries;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Cli.Commands;

/// <summary>Turns --lat/--lon, --utm "E N" or --address TEXT into one point in EPSG:25832.</summary>
internal static class PointArguments
{
    /// <summary>Checks the location arguments without any data, so usage errors come before loading.</summary>
    public static void Validate(double? lat, double? lon, string? utm, string? address)
    {
        var given = new[] { lat is not null || lon is not null, utm is not null, address is not null }.Count(g => g);
        if (given != 1)
            throw new UsageException("give exactly one location: --lat and --lon, --utm \"E N\", or --address TEXT");
        if (utm is not null)
            ParseUtm(utm);
        if ((lat is null) != (lon is null))
            throw new UsageException("--lat and --lon must be given together");
        if (lat is not null && !DenmarkExtent.ContainsLonLat(lon!.Value, lat.Value))
            throw new UsageException($"--lat/--lon: ({lat}, {lon}) lies outside Denmark ({DenmarkExtent.DescribeLonLat})");
    }

    public static async Task<(Point Point, string Description, Address? Address)> ResolveAsync(
        double? lat, double? lon, string? utm, string? address, ISpatialStore store, CancellationToken cancellationToken)
    {
        Validate(lat, lon, utm, address);
        if (address is not null)
        {
            var matches = await store.SearchAddressesAsync(address, 2, cancellationToken);
            if (matches.Count == 0)
                throw new NotFoundException($"no address matches '{address}' in the address data");
            return (matches[0].Position, $"address {matches[0].Label}", matches[0]);
        }
        if (utm is not null)
        {
            var (e, n) = ParseUtm(utm);
            return (GeometryTransforms.Utm32Point(e, n), $"E {e:0.##} N {n:0.##} (EPSG:25832)", null);
        }
        if (lat is null || lon is null)
            throw new UsageException("--lat and --lon must be given together");
        if (!DenmarkExtent.ContainsLonLat(lon.Value, lat.Value))
            throw new UsageException($"--lat/--lon: ({lat}, {lon}) lies outside Denmark ({DenmarkExtent.DescribeLonLat})");
        var (east, north) = CoordinateTransformer.Instance.ToUtm32(lon.Value, lat.Value);
        return (GeometryTransforms.Utm32Point(east, north), $"lat {lat} lon {lon}", null);
    }

    /// <summary>"638500 6150500" or "638500,6150500", checked to lie in Denmark.</summary>
    public static (double E, double N) ParseUtm(string text)
    {
        var parts = text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            throw new UsageException($"--utm: '{text}' is not \"EASTING NORTHING\" in metres (e.g. --utm \"638500 6150500\")");
        if (!DenmarkExtent.ContainsUtm32(e, n))
            throw new UsageException($"--utm: ({e}, {n}) lies outside Denmark's extent {DenmarkExtent.DescribeUtm32}");
        return (e, n);
    }
}
