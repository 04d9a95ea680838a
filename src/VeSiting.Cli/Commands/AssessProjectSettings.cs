using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;

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

    /// <summary>--flicker-year, else <paramref name="thisYear"/> (the year of the day whose rules apply).</summary>
    public int FlickerYearOr(int thisYear) => FlickerYear switch
    {
        null => thisYear,
        >= 1900 and <= 2100 => FlickerYear.Value,
        _ => throw new UsageException($"--flicker-year: {FlickerYear} is not a year from 1900 to 2100"),
    };

    public DateOnly? ParsedPermitDate => PermitDate is null ? null
        : DateOnly.TryParseExact(PermitDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"--permit-date: '{PermitDate}' is not a date (yyyy-mm-dd)");
}
