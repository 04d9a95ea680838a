using VeSiting.Core.Stores;

namespace VeSiting.Cli.Commands;

/// <summary>
/// The command line's syntax for a location (<c>--lat</c>/<c>--lon</c>, <c>--utm "E N"</c>, <c>--address TEXT</c>,
/// <c>--building ID</c>) mapped onto the one <see cref="LocationQuestion"/>, which parses, checks and resolves it.
/// </summary>
internal static class PointArguments
{
    /// <summary>The options as the question's text; <c>--utm</c> splits into easting and northing.</summary>
    public static LocationText Text(string? lat, string? lon, string? utm, string? address, string? building = null)
    {
        if (utm is null)
            return new LocationText(lat, lon, null, null, address, building);
        var parts = utm.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
            throw new UsageException($"--utm: '{utm}' is not \"EASTING NORTHING\" in metres (e.g. --utm \"638500 6150500\")");
        return new LocationText(lat, lon, parts[0], parts[1], address, building);
    }

    /// <summary>The location checked without any data, so usage errors come before loading.</summary>
    public static LocationQuestion Question(string? lat, string? lon, string? utm, string? address, string? building = null) =>
        LocationQuestion.Parse(Text(lat, lon, utm, address, building), buildings: building is not null).OrExit();

    public static async Task<ResolvedLocation> ResolveAsync(LocationQuestion question, ISpatialStore store, CancellationToken cancellationToken) =>
        (await question.ResolveAsync(store, cancellationToken)).OrExit();

    /// <summary>"638500 6150500" or "638500,6150500", checked to lie in Denmark.</summary>
    public static (double E, double N) ParseUtm(string text) =>
        LocationQuestion.Parse(Text(null, null, text, null)).OrExit() is LocationQuestion.Utm utm ? (utm.E, utm.N)
            : throw new UsageException($"--utm: '{text}' is not \"EASTING NORTHING\" in metres");
}
