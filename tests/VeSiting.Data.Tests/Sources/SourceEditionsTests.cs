using System.Security.Cryptography;
using System.Text;
using VeSiting.Core.Importing;
using VeSiting.Data.Loading;
using VeSiting.Data.Sources;
using VeSiting.Data.Tests.Fixtures;

namespace VeSiting.Data.Tests.Sources;

/// <summary>Adding a file as a source's edition, the overlay in the cache folder, and going back to the built-in edition.</summary>
public sealed class SourceEditionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private const string Header = "husnummer_id,kommunekode,vejnavn,husnr,postnr,postnrnavn,etrs89_east,etrs89_north\n";
    private static readonly byte[] BuiltInContent = Encoding.UTF8.GetBytes(Header + "a,101,Testvej,1,2300,København S,725000,6175000\n");

    private SourceEditions Editions() => new(new SourceManifest
    {
        Directory = Path.Combine(_temp.Path, "geodata"),
        Sources =
        [
            new SourceEntry
            {
                Id = "dar-addresses", File = "addresses/a.csv", Importer = "dar-addresses", Title = "DAR sample",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(BuiltInContent)), Bytes = BuiltInContent.Length,
                Licence = "test", Attribution = "SDFE, DAR", Upstream = "https://example.invalid/a.csv",
            },
        ],
    }, Path.Combine(_temp.Path, "cache"));

    [Fact]
    public void An_added_file_becomes_the_current_edition_with_checksum_size_name_and_date()
    {
        var content = Header + "a,101,Testvej,1,2300,København S,725000,6175000\nb,101,Testvej,3,2300,København S,725010,6175000\n";
        var path = _temp.Write("downloads/adgangsadresser.csv", content);
        var editions = Editions();
        var when = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        var (added, read) = editions.Stage("dar-addresses", path, addedAt: when);
        Assert.Empty(editions.Overlay.Added); // staged, not yet current
        editions.Record(added);

        Assert.Equal(2, read.Records);
        var current = Editions().Current["dar-addresses"];
        var bytes = Encoding.UTF8.GetBytes(content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), current.Sha256);
        Assert.Equal(bytes.Length, current.Bytes);
        Assert.Equal(("adgangsadresser.csv", when), (current.Added!.OriginalName, current.Added.AddedAt));
        Assert.Null(current.Upstream);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_temp.Path, "cache", current.File)));
        Assert.StartsWith("added/dar-addresses/", current.File);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "cache", SourceOverlay.FileName)));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "geodata")));
        Assert.True(new DataFetcher(Editions().Current, Path.Combine(_temp.Path, "cache"), []).IsCached(current));
    }

    [Fact]
    public void A_file_with_errors_is_refused_naming_file_row_and_column_and_nothing_changes()
    {
        var path = _temp.Write("downloads/bad.csv", Header + "a,101,Testvej,1,2300,København S,725000,6175000\nb,101,Testvej,3,2300,København S,not-a-number,6175000\n");
        var editions = Editions();

        var e = Assert.Throws<ImportFailedException>(() => editions.Stage("dar-addresses", path));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("bad.csv", 3, "etrs89_east"), (error.File, error.Row, error.Column));
        Assert.Empty(editions.Overlay.Added);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "cache", SourceOverlay.AddedFolder, "dar-addresses")));
        Assert.Equal("addresses/a.csv", editions.Current["dar-addresses"].File);
    }

    [Fact]
    public void Reset_goes_back_to_the_built_in_edition_and_removes_the_copy()
    {
        var editions = Editions();
        var (added, _) = editions.Stage("dar-addresses", _temp.Write("x.csv", Header + "a,101,Testvej,1,2300,København S,725000,6175000\n"));
        editions.Record(added);

        var removed = editions.Reset("dar-addresses");

        Assert.Equal("x.csv", removed!.OriginalName);
        Assert.Equal("addresses/a.csv", editions.Current["dar-addresses"].File);
        Assert.Null(editions.Current["dar-addresses"].Added);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "cache", added.File)));
        Assert.Null(editions.Reset("dar-addresses"));
    }

    [Fact]
    public void An_optional_source_joins_the_manifest_only_once_added()
    {
        var editions = Editions();
        Assert.DoesNotContain(editions.Current.Sources, s => s.Id == "permit-dates");

        var (added, read) = editions.Stage("permit-dates", _temp.Write("permits.csv", "gsrn,permit_date\n570715000000045608,1996-11-20\n"));
        editions.Record(added);

        Assert.Equal(1, read.Records);
        var entry = editions.Current["permit-dates"];
        Assert.Equal("permit-dates", entry.Importer);
        Assert.Contains("permits.csv", entry.Attribution);
        Assert.NotEqual(DataSetLoader.VersionOf(editions.BuiltIn), DataSetLoader.VersionOf(editions.Current));
    }

    [Fact]
    public void An_unknown_source_is_refused_listing_the_sources()
    {
        var e = Assert.Throws<InvalidDataException>(() => Editions().Stage("wind", _temp.Write("x.csv", "a")));

        Assert.Contains("'wind'", e.Message);
        Assert.Contains("dar-addresses, permit-dates, project-groupings", e.Message);
    }

    [Fact]
    public async Task An_added_file_missing_from_the_cache_names_the_source_and_how_to_recover()
    {
        var editions = Editions();
        var (added, _) = editions.Stage("dar-addresses", _temp.Write("x.csv", Header + "a,101,Testvej,1,2300,København S,725000,6175000\n"));
        editions.Record(added);
        File.Delete(Path.Combine(_temp.Path, "cache", added.File));

        var e = await Assert.ThrowsAsync<DataFetchException>(() =>
            new DataFetcher(editions.Current, editions.CacheDirectory, []).FetchAsync(editions.Current["dar-addresses"]));

        Assert.Contains("vesiting data add dar-addresses", e.Message);
        Assert.Contains("vesiting data reset dar-addresses", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
