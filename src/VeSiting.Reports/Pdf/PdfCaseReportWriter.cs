using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VeSiting.Reports.Model;

namespace VeSiting.Reports.Pdf;

/// <summary>
/// Lays a <see cref="CaseReport"/> out as an A4 PDF with PDFsharp: sections flow down the pages, a table that does not fit
/// continues on the next page under its header again, every page has the report's footer and its number.
/// </summary>
public sealed class PdfCaseReportWriter
{
    private const double Margin = 42, FooterSpace = 24;
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22), Rule = XColor.FromArgb(0xbb, 0xbb, 0xbb),
        HeaderFill = XColor.FromArgb(0xe8, 0xea, 0xed), Stripe = XColor.FromArgb(0xf6, 0xf7, 0xf8), Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    private readonly XFont _title, _subtitle, _heading, _body, _bold, _small, _cell, _cellBold;
    private readonly PdfDocument _document = new();
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    private PdfCaseReportWriter()
    {
        DejaVuFontResolver.Install();
        var family = DejaVuFontResolver.Family;
        _title = new XFont(family, 16, XFontStyleEx.Bold);
        _subtitle = new XFont(family, 8);
        _heading = new XFont(family, 12.5, XFontStyleEx.Bold);
        _body = new XFont(family, 8.5);
        _bold = new XFont(family, 8.5, XFontStyleEx.Bold);
        _small = new XFont(family, 7.5);
        _cell = new XFont(family, 6.8);
        _cellBold = new XFont(family, 6.8, XFontStyleEx.Bold);
    }

    /// <summary>The report as a PDF file's bytes.</summary>
    public static byte[] Write(CaseReport report) => new PdfCaseReportWriter().Lay(report);

    private double Width => _page.Width.Point - 2 * Margin;
    private double Bottom => _page.Height.Point - Margin - FooterSpace;

    private byte[] Lay(CaseReport report)
    {
        _document.Info.Title = report.Title;
        _document.Info.Author = "VeSiting";
        _document.Info.Subject = report.Subtitle;
        NewPage();
        Paragraph(report.Title, _title, 4);
        Paragraph(report.Subtitle, _subtitle, 10, Muted);
        foreach (var section in report.Sections)
        {
            Heading(section.Heading);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case MapBlock map: Map(map); break;
                    case FactsBlock facts: Facts(facts); break;
                    case TableBlock table: Table(table); break;
                    case TextBlock text:
                        foreach (var p in text.Paragraphs)
                            Paragraph(p, text.Small ? _small : _bold, 3);
                        break;
                }
            }
        }
        _graphics.Dispose();
        Footers(report.Footer);
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void Need(double height)
    {
        if (_y + height > Bottom)
            NewPage();
    }

    private void Heading(string text)
    {
        Need(70);
        _y += 8;
        Paragraph(text, _heading, 2);
        _graphics.DrawLine(new XPen(Rule, 0.6), Margin, _y, Margin + Width, _y);
        _y += 6;
    }

    private void Paragraph(string text, XFont font, double after, XColor? colour = null)
    {
        var lineHeight = LineHeight(font);
        foreach (var line in Wrap(text, font, Width))
        {
            Need(lineHeight);
            _graphics.DrawString(line, font, new XSolidBrush(colour ?? Ink), new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
        _y += after;
    }

    private void Map(MapBlock map)
    {
        var height = Width * map.HeightPx / map.WidthPx;
        Need(height + 30);
        using (var image = XImage.FromStream(new MemoryStream(map.Png)))
            _graphics.DrawImage(image, Margin, _y, Width, height);
        _graphics.DrawRectangle(new XPen(Rule, 0.5), Margin, _y, Width, height);
        _y += height + 4;
        Paragraph(map.Caption, _small, 6, Muted);
    }

    private void Facts(FactsBlock block)
    {
        var labelWidth = Width * 0.42;
        var lineHeight = LineHeight(_body);
        foreach (var fact in block.Facts)
        {
            var labels = Wrap(fact.Label, _bold, labelWidth - 6);
            var values = Wrap(fact.Value, _body, Width - labelWidth);
            var height = Math.Max(labels.Count, values.Count) * lineHeight + 2;
            Need(height);
            for (var i = 0; i < labels.Count; i++)
                _graphics.DrawString(labels[i], _bold, new XSolidBrush(Ink), new XRect(Margin, _y + i * lineHeight, labelWidth, lineHeight), XStringFormats.TopLeft);
            for (var i = 0; i < values.Count; i++)
                _graphics.DrawString(values[i], _body, new XSolidBrush(Ink), new XRect(Margin + labelWidth, _y + i * lineHeight, Width - labelWidth, lineHeight), XStringFormats.TopLeft);
            _y += height;
        }
        _y += 6;
    }

    private void Table(TableBlock table)
    {
        const double pad = 2.5;
        var widths = ColumnWidths(table, pad);
        var lineHeight = LineHeight(_cell);
        var header = table.Columns.Select((c, i) => Wrap(c.Heading, _cellBold, widths[i] - 2 * pad)).ToList();
        var headerHeight = header.Max(h => h.Count) * lineHeight + 2 * pad;

        void Header()
        {
            _graphics.DrawRectangle(new XSolidBrush(HeaderFill), Margin, _y, Width, headerHeight);
            Row(header, _cellBold, headerHeight, numeric: null);
            _y += headerHeight;
        }

        void Row(IReadOnlyList<IReadOnlyList<string>> cells, XFont font, double height, bool[]? numeric)
        {
            var x = Margin;
            for (var c = 0; c < cells.Count; c++)
            {
                for (var l = 0; l < cells[c].Count; l++)
                {
                    var rect = new XRect(x + pad, _y + pad + l * lineHeight, widths[c] - 2 * pad, lineHeight);
                    _graphics.DrawString(cells[c][l], font, new XSolidBrush(Ink), rect, numeric?[c] == true ? XStringFormats.TopRight : XStringFormats.TopLeft);
                }
                x += widths[c];
            }
        }

        var numericColumns = table.Columns.Select(c => c.Numeric).ToArray();
        Need(headerHeight + 3 * lineHeight);
        Header();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Select((text, i) => Wrap(text, _cell, widths[i] - 2 * pad)).ToList();
            var height = cells.Max(c => c.Count) * lineHeight + 2 * pad;
            if (_y + height > Bottom)
            {
                NewPage();
                Header();
            }
            if (r % 2 == 1)
                _graphics.DrawRectangle(new XSolidBrush(Stripe), Margin, _y, Width, height);
            Row(cells, _cell, height, numericColumns);
            _y += height;
        }
        _graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y, Margin + Width, _y);
        _y += 4;
        if (table.Caption is { } caption)
            Paragraph(caption, _bold, 2);
        _y += 4;
    }

    /// <summary>
    /// Each column its share of the width, but never narrower than its longest heading word or, for figures, its longest
    /// figure (words are not cut inside): such columns get what they need and the others share the rest by their shares.
    /// </summary>
    private double[] ColumnWidths(TableBlock table, double pad)
    {
        var least = table.Columns.Select((c, i) => 2 * pad + 0.5 + Math.Max(c.Heading.Split(' ').Max(w => Measure(w, _cellBold)),
            c.Numeric ? table.Rows.Select(r => Measure(r[i], _cell)).DefaultIfEmpty(0).Max() : 0)).ToArray();
        var fixedAt = new bool[least.Length];
        var widths = new double[least.Length];
        for (var round = 0; round < least.Length; round++)
        {
            var free = Width - least.Where((_, i) => fixedAt[i]).Sum();
            var shares = table.Columns.Where((_, i) => !fixedAt[i]).Sum(c => c.Width);
            var changed = false;
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = fixedAt[i] ? least[i] : free * table.Columns[i].Width / shares;
                if (!fixedAt[i] && widths[i] < least[i])
                    (fixedAt[i], changed) = (true, true);
            }
            if (!changed)
                break;
        }
        return widths;
    }

    private void Footers(string footer)
    {
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            var width = page.Width.Point - 2 * Margin;
            graphics.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, Margin + width, y - 4);
            graphics.DrawString(footer, _small, new XSolidBrush(Muted), new XRect(Margin, y, width * 0.8, 10), XStringFormats.TopLeft);
            graphics.DrawString($"{i + 1} / {count}", _small, new XSolidBrush(Muted), new XRect(Margin, y, width, 10), XStringFormats.TopRight);
        }
    }

    private double LineHeight(XFont font) => font.GetHeight() * 1.05;

    /// <summary>Words onto lines no wider than <paramref name="width"/>; a word wider than a line is cut where it must be.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Measure(line[..cut], font) > width)
                        cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;
}
