using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using VeSiting.Core.Explanations;
using VeSiting.Core.Spatial;

namespace VeSiting.Cli.Output;

/// <summary>
/// Writes a <see cref="CliResult"/> as a table (attribution as footer), JSON (attribution and data version
/// as members), CSV (for Excel and QGIS; attribution on standard error so the file stays clean) or
/// GeoJSON (RFC 7946, WGS 84, attribution as a foreign member).
/// </summary>
public sealed class ResultRenderer(CliConsole console)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new GeoJsonConverterFactory() },
    };

    public void Write(CliResult result, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Table: WriteTable(result); break;
            case OutputFormat.Json: WriteJson(result); break;
            case OutputFormat.Csv: WriteCsv(result); break;
            case OutputFormat.GeoJson: WriteGeoJson(result); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private void WriteTable(CliResult result)
    {
        WriteTableBody(result);
        foreach (var section in result.Sections)
            WriteTableBody(section);
        WriteAttribution(console.Answer, result);
    }

    private void WriteTableBody(CliResult result)
    {
        var answer = console.Answer;
        answer.Write(new Rule($"[bold]{Markup.Escape(L(result.Title))}[/]").LeftJustified());
        foreach (var (key, value) in result.Summary)
            answer.MarkupLineInterpolated($"[grey]{L(key)}:[/] {TableFormat(value)}");
        if (result.Rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple);
            foreach (var column in result.Columns)
                table.AddColumn(new TableColumn(Markup.Escape(L(column))));
            foreach (var (cells, _) in result.Rows)
                table.AddRow(cells.Select(c => Markup.Escape(TableFormat(c))).ToArray());
            answer.Write(table);
        }
        else
        {
            answer.MarkupLine($"[grey]{Markup.Escape(L("(no rows)"))}[/]");
        }
    }

    /// <summary>A label of the table in the answer's language (CSV, JSON and GeoJSON keep the English keys).</summary>
    private static string L(string english) => CliLabels.Label(english, MessageCatalogue.Current);

    /// <summary>
    /// A cell of the table as the answer's language writes it: numbers, yes and no, fixed words (whole cells only: a sentence
    /// that happens to begin like a label stays as written), reasons rendered.
    /// </summary>
    private static string TableFormat(object? value) => value switch
    {
        double d => d.ToString("0.##", MessageCatalogue.Current.Culture),
        bool b => L(b ? "yes" : "no"),
        string s => CliLabels.Exact(s, MessageCatalogue.Current),
        Reason reason => reason.Rendered,
        IEnumerable<string> list => string.Join(", ", list.Select(s => CliLabels.Exact(s, MessageCatalogue.Current))),
        IEnumerable<Reason> reasons => string.Join(", ", reasons.Select(r => r.Rendered)),
        _ => Format(value),
    };

    private static void WriteAttribution(IAnsiConsole target, CliResult result)
    {
        if (result.Attributions.Count == 0) return;
        target.MarkupLineInterpolated($"[grey]{L("Data")}: {string.Join("; ", result.Attributions)}{(result.DataVersion is null ? "" : $" ({L("data version")} {result.DataVersion})")}[/]");
    }

    private void WriteJson(CliResult result)
    {
        var body = JsonBody(result);
        if (result.Sections.Count > 0)
            body["sections"] = new JsonObject(result.Sections.Select(s => KeyValuePair.Create(Key(s.Title), (JsonNode?)JsonBody(s))));
        body["attribution"] = new JsonArray(result.Attributions.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        body["dataVersion"] = result.DataVersion;
        console.Output.WriteLine(body.ToJsonString(Json));
    }

    private static JsonObject JsonBody(CliResult result) => new()
    {
        ["title"] = result.Title,
        ["summary"] = new JsonObject(result.Summary.Select(s => KeyValuePair.Create(Key(s.Key), ToNode(s.Value)))),
        ["items"] = new JsonArray(result.Rows.Select(r => (JsonNode)RowObject(result, r.Cells)).ToArray()),
    };

    private void WriteCsv(CliResult result)
    {
        using var csv = new CsvWriter(console.Output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in result.Columns)
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var (cells, _) in result.Rows)
        {
            foreach (var cell in cells)
                csv.WriteField(Format(cell));
            csv.NextRecord();
        }
        csv.Flush();
        WriteAttribution(console.Status, result);
    }

    private void WriteGeoJson(CliResult result)
    {
        var collection = new FeatureCollection();
        foreach (var (cells, geometry) in result.Rows)
        {
            if (geometry is null) continue;
            var attributes = new AttributesTable();
            for (var i = 0; i < cells.Length; i++)
                attributes.Add(Key(result.Columns[i]), cells[i] is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : cells[i]);
            collection.Add(new Feature(GeometryTransforms.Transform(geometry, Epsg.Utm32, Epsg.Wgs84), attributes));
        }
        var node = JsonSerializer.SerializeToNode(collection, Json)!.AsObject();
        node["title"] = result.Title;
        node["attribution"] = string.Join("; ", result.Attributions);
        node["dataVersion"] = result.DataVersion;
        console.Output.WriteLine(node.ToJsonString(Json));
    }

    private static JsonObject RowObject(CliResult result, object?[] cells) =>
        new(cells.Select((c, i) => KeyValuePair.Create(Key(result.Columns[i]), ToNode(c))));

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        double d => JsonValue.Create(d),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        Reason reason => JsonValue.Create(reason.Text),
        IEnumerable<Reason> reasons => new JsonArray(reasons.Select(r => (JsonNode)JsonValue.Create(r.Text)).ToArray()),
        IEnumerable<string> list => new JsonArray(list.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>"Distance (m)" → "distance_m": a key scripts can use.</summary>
    private static string Key(string column)
    {
        var chars = column.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Reason reason => reason.Text,
        IEnumerable<Reason> reasons => string.Join(", ", reasons.Select(r => r.Text)),
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
