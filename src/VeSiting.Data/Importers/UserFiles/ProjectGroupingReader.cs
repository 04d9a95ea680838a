namespace VeSiting.Data.Importers.UserFiles;

/// <summary>A user's project groupings as CSV: <c>gsrn, project_id</c> (the plants one permit covers share a project id).</summary>
public sealed class ProjectGroupingReader
{
    public const string ProjectColumn = "project_id";

    public ImportResult<ProjectGroupingRow> Read(string path, string sourceId)
    {
        var table = CsvTable.Read(path, sourceId, GsrnColumn.Name, ProjectColumn);
        var gsrns = new GsrnColumn(table);
        var issues = new List<ImportIssue>(table.FileIssues);
        var rows = new List<ProjectGroupingRow>();
        foreach (var (row, cells) in table.Rows)
        {
            var gsrn = gsrns.Read(cells, row, issues);
            var project = table.Required(cells, row, ProjectColumn, issues);
            if (gsrn is not null && project is not null)
                rows.Add(new ProjectGroupingRow(gsrn, project, new RecordOrigin(sourceId, table.File, row)));
        }
        return new ImportResult<ProjectGroupingRow>(rows, issues);
    }
}
