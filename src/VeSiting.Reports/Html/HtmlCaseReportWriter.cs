using System.Net;
using System.Text;
using VeSiting.Reports.Model;

namespace VeSiting.Reports.Html;

/// <summary>
/// A <see cref="CaseReport"/> as one self-contained HTML page: the style inline, the map an embedded PNG, tables whose header
/// repeats on every printed page; it prints on A4 as the PDF does.
/// </summary>
public static class HtmlCaseReportWriter
{
    private const string Style = """
        @page { size: A4; margin: 15mm 15mm 18mm; }
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; font-size: 10pt; line-height: 1.35; margin: 0 auto; max-width: 190mm; padding: 8mm; }
        h1 { font-size: 17pt; margin: 0 0 2pt; }
        .subtitle { color: #555; font-size: 8.5pt; margin: 0 0 10pt; }
        h2 { font-size: 13pt; border-bottom: 0.6pt solid #bbb; padding-bottom: 2pt; margin: 16pt 0 6pt; break-after: avoid; page-break-after: avoid; }
        figure { margin: 0 0 8pt; break-inside: avoid; page-break-inside: avoid; }
        figure img { width: 100%; border: 0.5pt solid #bbb; }
        figcaption, .small { color: #555; font-size: 8pt; }
        dl { display: grid; grid-template-columns: 38% 62%; margin: 0 0 8pt; }
        dt { font-weight: bold; padding: 1pt 6pt 1pt 0; }
        dd { margin: 0; padding: 1pt 0; }
        table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin: 0 0 8pt; }
        thead { display: table-header-group; }
        th { background: #e8eaed; text-align: left; vertical-align: bottom; padding: 2.5pt; }
        td { padding: 2.5pt; vertical-align: top; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        tbody tr:nth-child(even) { background: #f6f7f8; }
        .num { text-align: right; white-space: nowrap; }
        p.lead { font-weight: bold; margin: 6pt 0 3pt; }
        p { margin: 0 0 3pt; }
        footer { color: #555; font-size: 8pt; border-top: 0.5pt solid #bbb; margin-top: 14pt; padding-top: 3pt; }
        """;

    public static string Write(CaseReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(report.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(report.Title))
            .Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(report.Subtitle)).Append("</p>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<section>\n<h2>").Append(E(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
                Block(html, block);
            html.Append("</section>\n");
        }
        html.Append("<footer>").Append(E(report.Footer)).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Block(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case MapBlock map:
                html.Append("<figure><img alt=\"").Append(E(map.Caption)).Append("\" width=\"").Append(map.WidthPx).Append("\" height=\"").Append(map.HeightPx)
                    .Append("\" style=\"height:auto\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(map.Png)).Append("\"><figcaption>")
                    .Append(E(map.Caption)).Append("</figcaption></figure>\n");
                break;
            case FactsBlock facts:
                html.Append("<dl>\n");
                foreach (var fact in facts.Facts)
                    html.Append("<dt>").Append(E(fact.Label)).Append("</dt><dd>").Append(E(fact.Value)).Append("</dd>\n");
                html.Append("</dl>\n");
                break;
            case TableBlock table:
                var total = table.Columns.Sum(c => c.Width);
                html.Append("<table>\n<thead><tr>");
                foreach (var column in table.Columns)
                    html.Append("<th style=\"width:").Append((100 * column.Width / total).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append("%\"")
                        .Append(column.Numeric ? " class=\"num\"" : "").Append('>').Append(E(column.Heading)).Append("</th>");
                html.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    for (var i = 0; i < row.Count; i++)
                        html.Append(table.Columns[i].Numeric ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                    html.Append("</tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
                if (table.Caption is { } caption)
                    html.Append("<p class=\"lead\">").Append(E(caption)).Append("</p>\n");
                break;
            case TextBlock text:
                foreach (var p in text.Paragraphs)
                    html.Append(text.Small ? "<p class=\"small\">" : "<p class=\"lead\">").Append(E(p)).Append("</p>\n");
                break;
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
