namespace VeSiting.Cli.Output;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
    GeoJson,
}
