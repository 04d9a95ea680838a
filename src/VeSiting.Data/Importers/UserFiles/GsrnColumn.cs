using System.Text.RegularExpressions;
using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.UserFiles;

/// <summary>The <c>gsrn</c> column of a user's file: 18 digits, each at most once in the file.</summary>
internal sealed partial class GsrnColumn(CsvTable table)
{
    public const string Name = "gsrn";

    private readonly Dictionary<string, int> _firstRow = [];

    public string? Read(string[] cells, int row, List<ImportIssue> issues)
    {
        var gsrn = table.Required(cells, row, Name, issues);
        if (gsrn is null)
            return null;
        if (!Pattern().IsMatch(gsrn))
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, Name, Reason.Of("import.not-gsrn", ("value", gsrn))));
            return null;
        }
        if (_firstRow.TryGetValue(gsrn, out var first))
        {
            issues.Add(new ImportIssue(ImportIssueSeverity.Error, table.File, row, Name, Reason.Of("import.gsrn-twice", ("gsrn", gsrn), ("first", first))));
            return null;
        }
        _firstRow[gsrn] = row;
        return gsrn;
    }

    [GeneratedRegex(@"^\d{18}$")]
    private static partial Regex Pattern();
}
