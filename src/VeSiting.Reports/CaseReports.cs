using VeSiting.Core.Assessments;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Stores;
using VeSiting.Reports.Html;
using VeSiting.Reports.Map;
using VeSiting.Reports.Model;
using VeSiting.Reports.Pdf;

namespace VeSiting.Reports;

/// <summary>The report formats.</summary>
public enum CaseReportFormat
{
    Pdf,
    Html,
}

/// <summary>
/// A project answer as a case report: the map drawn from the answer and the store (boundaries and registered plants in view), the
/// model built in the chosen language, then laid out as PDF or HTML. The one entry point for the API and the command line.
/// </summary>
public static class CaseReports
{
    public static async Task<byte[]> MakeAsync(ISpatialStore store, ProjectAssessment assessment, ShadowFlickerPart flicker, ReportLanguage language,
        CaseReportFormat format, DateTimeOffset made, CancellationToken cancellationToken = default)
    {
        var scene = await ReportMapScene.OfAsync(store, assessment, flicker, new MapWords(language), cancellationToken);
        var report = new CaseReportBuilder(language).Build(assessment, flicker, ReportMapPainter.Render(scene), made);
        return format == CaseReportFormat.Pdf ? PdfCaseReportWriter.Write(report) : System.Text.Encoding.UTF8.GetBytes(HtmlCaseReportWriter.Write(report));
    }

    public static string MediaType(CaseReportFormat format) => format == CaseReportFormat.Pdf ? "application/pdf" : "text/html; charset=utf-8";

    public static string Extension(CaseReportFormat format) => format == CaseReportFormat.Pdf ? "pdf" : "html";
}
