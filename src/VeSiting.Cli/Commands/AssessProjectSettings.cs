using VeSiting.Core.Explanations;
using VeSiting.Core.ShadowFlicker;
using VeSiting.Core.Stores;
using VeSiting.Reports;
using VeSiting.Reports.Model;

namespace VeSiting.Cli.Commands;

/// <summary>Options of project and plant assessments.</summary>
public class AssessProjectSettings : AssessSettings
{
    [CommandOption("--permit-date <DATE>")]
    [Description("The building permit's date (yyyy-mm-dd); it selects the rules. Default: the file's, else today (stated in the answer).")]
    public string? PermitDate { get; init; }

    [CommandOption("--flicker-year <YEAR>")]
    [Description("The calendar year whose shadow flicker is computed (default: this year).")]
    public int? FlickerYear { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("With --format pdf or html: the case report to write (map, summary, neighbour table, money, and the rules and data behind every number).")]
    public string? Out { get; init; }

    /// <summary>
    /// The case report asked for (<c>--format pdf|html</c> with <c>--out</c>), or null for a table, JSON, CSV or GeoJSON
    /// answer. Its language is the command line's own (<c>--lang</c>, <c>VESITING_LANG</c> or the locale: CliLanguage).
    /// </summary>
    public (CaseReportFormat Format, ReportLanguage Language, string File)? Report()
    {
        CaseReportFormat? format = Format.Trim().ToLowerInvariant() switch
        {
            "pdf" => CaseReportFormat.Pdf,
            "html" => CaseReportFormat.Html,
            _ => null,
        };
        if (format is null)
        {
            if (Out is not null)
                throw new UsageException("--out is for the case report (--format pdf or html); other formats go to standard output");
            return null;
        }
        if (string.IsNullOrWhiteSpace(Out))
            throw new UsageException($"--format {Format.Trim().ToLowerInvariant()} needs --out FILE");
        var language = ReportLanguage.Find(MessageCatalogue.Current.Language)
            ?? throw new UsageException($"--lang: '{MessageCatalogue.Current.Language}' is not a language of the report: {string.Join(" or ", ReportLanguage.Codes)}");
        return (format.Value, language, Out);
    }

    /// <summary>
    /// The answer of a project or plant question: the case report written to <c>--out</c> (a line on standard error says
    /// so), or the table, JSON, CSV or GeoJSON on standard output.
    /// </summary>
    public async Task WriteAsync(CliConsole console, ResultRenderer renderer, ISpatialStore store, ProjectAssessment result, ShadowFlickerPart flicker,
        CancellationToken cancellationToken)
    {
        if (Report() is { } r)
        {
            await System.IO.File.WriteAllBytesAsync(r.File, await CaseReports.MakeAsync(store, result, flicker, r.Language, r.Format, DateTimeOffset.UtcNow, cancellationToken), cancellationToken);
            console.Error.WriteLine(Reason.Of("cli.wrote-report", ("file", r.File), ("project", result.Project.Name), ("dwellings", result.Dwellings.Count)).Rendered);
            return;
        }
        renderer.Write(ShadowFlickerResults.AddTo(AssessmentResults.Project(result), flicker), OutputFormat);
    }
}
