namespace VeSiting.Cli.Commands;

/// <summary>Options of commands that answer with data: the output format.</summary>
public class QuerySettings : DataSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output: table (default), json, csv or geojson (sites: also geotiff or gpkg with -o FILE).")]
    public string Format { get; init; } = "table";

    public OutputFormat OutputFormat => Format.Trim().ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "geojson" => OutputFormat.GeoJson,
        _ => throw new UsageException($"--format: '{Format}' is not one of table, json, csv, geojson"),
    };
}
