using VeSiting.Core.Importing;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Importers.UserFiles;

public sealed class UserFileReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Permit_dates_are_read_as_iso_dates_by_gsrn()
    {
        var path = _temp.Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n570715000000000001,2019-04-01\n");

        var result = new PermitDateReader().Read(path, "permit-dates");

        Assert.False(result.HasErrors);
        Assert.Equal([("570715000000045608", new DateOnly(1996, 11, 20)), ("570715000000000001", new DateOnly(2019, 4, 1))],
            result.Records.Select(r => (r.Gsrn, r.PermitDate)));
        Assert.Equal(("permits.csv", 3), (result.Records[1].Origin.File, result.Records[1].Origin.Row));
    }

    [Theory]
    [InlineData("01-04-2019")]
    [InlineData("2019-4-1")]
    [InlineData("2019-02-30")]
    [InlineData("1. april 2019")]
    public void A_permit_date_not_in_yyyy_mm_dd_is_an_error_naming_row_and_column(string date)
    {
        var path = _temp.Write("permits.csv", $"gsrn,permit_date\n570715000000045608,1996-11-20\n570715000000000001,\"{date}\"\n");

        var error = Assert.Single(new PermitDateReader().Read(path, "permit-dates").Errors);

        Assert.Equal(("permits.csv", 3, "permit_date"), (error.File, error.Row, error.Column));
        Assert.Contains(date, error.Reason);
    }

    [Fact]
    public void A_gsrn_that_is_not_18_digits_or_appears_twice_is_an_error()
    {
        var path = _temp.Write("groups.csv", "project_id;gsrn\npark-1;570715000000045608\npark-1;57071500000004560\npark-2;570715000000045608\n");

        var result = new ProjectGroupingReader().Read(path, "project-groupings");

        Assert.Equal([(3, "gsrn"), (4, "gsrn")], result.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.Contains("first in row 2", result.Errors.Last().Reason);
        Assert.Throws<ImportFailedException>(() => result.RecordsOrThrow("project-groupings"));
    }

    [Fact]
    public void Project_groupings_are_read_in_any_column_order_with_a_bom()
    {
        var path = _temp.Write("groups.csv", "\uFEFFproject_id,gsrn\npark-1,570715000000045608\npark-1,570715000000000001\n");

        var result = new ProjectGroupingReader().Read(path, "project-groupings");

        Assert.Equal([("570715000000045608", "park-1"), ("570715000000000001", "park-1")], result.Records.Select(r => (r.Gsrn, r.ProjectId)));
    }

    [Fact]
    public void A_missing_column_fails_the_file_naming_it()
    {
        var path = _temp.Write("permits.csv", "gsrn,date\n570715000000045608,1996-11-20\n");

        var e = Assert.Throws<ImportFailedException>(() => new PermitDateReader().Read(path, "permit-dates"));

        Assert.Contains("permit_date", e.Message);
        Assert.Contains("permits.csv", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
