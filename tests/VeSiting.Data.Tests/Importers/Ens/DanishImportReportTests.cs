using VeSiting.Core.Explanations;
using VeSiting.Core.Importing;
using VeSiting.Data.Importers.Ens;

namespace VeSiting.Data.Tests.Importers.Ens;

/// <summary>
/// The register's import report in Danish: each finding the reader writes (a row skipped, a placeholder read as unknown)
/// is a reason, so a Danish report says where and why in Danish; English keeps the words it always had.
/// </summary>
public sealed class DanishImportReportTests
{
    private static IReadOnlyList<ImportIssue> Issues() =>
        new EnsWindRegisterReader().Read(new MemoryStream(EnsWorkbooks.Standard2022()), "register.xlsx", "ens").Issues;

    [Fact]
    public void A_skipped_row_is_reported_in_danish_with_sheet_row_and_column()
    {
        var skipped = Assert.Single(Issues(), i => i.Severity == ImportIssueSeverity.Skipped);

        Assert.Equal("import.no-coordinates", skipped.Because?.Code);
        Assert.Equal($"sprunget over: register.xlsx [{EnsWorkbooks.ExistingSheet}] række 8 kolonne '{skipped.Column}': ingen koordinater: vindmøllen kan ikke placeres",
            skipped.Render(MessageCatalogue.Danish));
        Assert.Equal($"skipped: register.xlsx [{EnsWorkbooks.ExistingSheet}] row 8 column '{skipped.Column}': no coordinates: the turbine cannot be placed", skipped.ToString());
    }

    [Fact]
    public void Placeholder_notes_are_danish_with_the_value_written_the_danish_way()
    {
        // Row 7 holds 0.1 m for rotor and hub: placeholders the register uses for "unknown".
        var notes = Issues().Where(i => i.Severity == ImportIssueSeverity.Note && i.Row == 7).ToList();

        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.EndsWith(": pladsholderværdien 0,1 læst som ukendt", n.Render(MessageCatalogue.Danish), StringComparison.Ordinal));
        Assert.All(notes, n => Assert.StartsWith("note: register.xlsx", n.Render(MessageCatalogue.Danish), StringComparison.Ordinal));
        Assert.All(notes, n => Assert.EndsWith(": placeholder value 0.1 read as unknown", n.ToString(), StringComparison.Ordinal));
    }
}
