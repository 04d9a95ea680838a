namespace VeSiting.Reports.Model;

/// <summary>
/// A case report as a document, in one language: a title, sections of facts, tables, paragraphs and the map. The PDF
/// and HTML writers lay out the same model, so both carry the same figures.
/// </summary>
public sealed record CaseReport(string Language, string Title, string Subtitle, IReadOnlyList<ReportSection> Sections, string Footer);

public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks);

/// <summary>One piece of a section.</summary>
public abstract record ReportBlock;

/// <summary>Labelled values, two columns.</summary>
public sealed record FactsBlock(IReadOnlyList<ReportFact> Facts) : ReportBlock;

public sealed record ReportFact(string Label, string Value);

/// <summary>A table; long ones continue on the next page with their header repeated.</summary>
public sealed record TableBlock(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null) : ReportBlock;

/// <summary>A column: its heading, its share of the width and whether its figures align right.</summary>
public sealed record ReportColumn(string Heading, double Width, bool Numeric = false);

/// <summary>Paragraphs of text; <see cref="Small"/> for notes and lists of sources.</summary>
public sealed record TextBlock(IReadOnlyList<string> Paragraphs, bool Small = false) : ReportBlock;

/// <summary>The map as a PNG (legend, scale and attribution drawn on it) and its caption.</summary>
public sealed record MapBlock(byte[] Png, int WidthPx, int HeightPx, string Caption) : ReportBlock;
