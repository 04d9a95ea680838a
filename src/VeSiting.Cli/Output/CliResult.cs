using NetTopologySuite.Geometries;

namespace VeSiting.Cli.Output;

/// <summary>
/// A command's answer in one shape for every output format: a few summary facts, then rows under named
/// columns, each row optionally with a geometry (EPSG:25832) for GeoJSON output.
/// </summary>
public sealed class CliResult(string title, IReadOnlyList<string> columns)
{
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<(string Key, object? Value)> Summary { get; } = [];
    public List<(object?[] Cells, Geometry? Geometry)> Rows { get; } = [];
    /// <summary>Attribution lines of the sources the answer is built from.</summary>
    public IReadOnlyList<string> Attributions { get; init; } = [];
    public string? DataVersion { get; init; }

    public CliResult Fact(string key, object? value)
    {
        Summary.Add((key, value));
        return this;
    }

    public CliResult Row(Geometry? geometry, params object?[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"row has {cells.Length} cells for {Columns.Count} columns");
        Rows.Add((cells, geometry));
        return this;
    }

    /// <summary>Further tables shown after the main one (table and JSON output; CSV and GeoJSON carry the main table only).</summary>
    public List<CliResult> Sections { get; } = [];

    public CliResult Section(string title, IReadOnlyList<string> columns)
    {
        var section = new CliResult(title, columns);
        Sections.Add(section);
        return section;
    }
}
