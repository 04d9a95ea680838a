using VeSiting.Core.Outcomes;
using VeSiting.Reports;
using VeSiting.Reports.Model;

namespace VeSiting.Api.Endpoints;

/// <summary>A project answer as a case report (<c>format=pdf</c> or <c>html</c>, <c>lang=en|da</c>): the PDF as a download, the HTML page to view.</summary>
public static class CaseReportResults
{
    /// <summary>The report format a <c>format</c> value names, or null for the other formats.</summary>
    public static CaseReportFormat? FormatOf(string? format) => format?.ToLowerInvariant() switch
    {
        "pdf" => CaseReportFormat.Pdf,
        "html" => CaseReportFormat.Html,
        _ => null,
    };

    public static Outcome<ReportLanguage> LanguageOf(string? lang) => ReportLanguage.Find(lang) is { } language ? language
        : Refusal.Invalid("lang", Reason.Of("report.not-language", ("value", ValueText.Echo(lang)), ("languages", Reason.Alternatives(ReportLanguage.Codes))));

    public static async Task<IResult> MakeAsync(HttpContext http, ServiceData data, ProjectAssessment assessment, ShadowFlickerPart flicker, CaseReportFormat format,
        ReportLanguage language, CancellationToken cancellationToken)
    {
        var made = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var bytes = await CaseReports.MakeAsync(data.Store, assessment, flicker, language, format, made, cancellationToken);
        return format == CaseReportFormat.Pdf
            ? Results.File(bytes, CaseReports.MediaType(format), $"{FileName(assessment.Project.Name)}.pdf")
            : Results.Bytes(bytes, CaseReports.MediaType(format));
    }

    /// <summary>A file name from the project's name: letters and digits kept (æøå too), anything else a dash.</summary>
    public static string FileName(string name)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return $"case-report-{(slug.Length == 0 ? "project" : slug[..Math.Min(slug.Length, 60)])}";
    }
}
