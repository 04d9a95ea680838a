using VeSiting.Core.DataCoverage;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;

namespace VeSiting.Core.Tests.DataCoverage;

public sealed class AddressCoverageTests
{
    private static readonly AdminArea Thisted = new()
    {
        Kind = AdminAreaKind.Municipality,
        Code = "0787",
        Name = "Thisted",
        Origin = new RecordOrigin("test", "test", 1),
        Geometry = GeometryTransforms.Utm32Point(480000, 6310000).Buffer(1000),
    };

    [Fact]
    public void No_addresses_is_said_with_the_municipality_and_how_to_load_the_national_file()
    {
        var coverage = new AddressCoverage(Thisted, 0, 42_989);

        Assert.True(coverage.IsThin);
        // 42,989 persons / 2.13 persons per dwelling = 20,182.6 dwellings.
        Assert.Equal("the address data holds 0 addresses in 0787 Thisted, where its population (42,989) implies about 20,183 dwellings: "
            + "counts of addresses and households there are not real; load the national file with `vesiting data add dar-addresses …` or OpenStreetMap's Denmark with `vesiting data add osm denmark-latest.osm.pbf`", coverage.Statement);
        var provenance = new Provenance();
        coverage.NoteIn(provenance);
        Assert.Equal([coverage.Statement!], provenance.Assumptions);
    }

    [Theory]
    [InlineData(2_018, true)]   // under a tenth of 20,182.6 expected dwellings
    [InlineData(2_019, false)]  // at least a tenth: taken as covered
    public void Few_addresses_against_the_expected_dwellings_are_thin(int addresses, bool thin)
    {
        var coverage = new AddressCoverage(Thisted, addresses, 42_989);

        Assert.Equal(thin, coverage.IsThin);
        Assert.Equal(thin, coverage.Statement is not null);
    }

    [Fact]
    public void Without_a_population_only_zero_is_thin()
    {
        Assert.True(new AddressCoverage(Thisted, 0, null).IsThin);
        Assert.False(new AddressCoverage(Thisted, 3, null).IsThin);
        Assert.DoesNotContain("population", new AddressCoverage(Thisted, 0, null).Statement);
    }

    [Fact]
    public void A_summary_counts_the_thin_municipalities_and_names_the_thinnest()
    {
        var other = Thisted with { Code = "0101", Name = "København" };
        var summary = AddressCoverage.Summary([new AddressCoverage(other, 900, 650_000), new AddressCoverage(Thisted, 0, 42_989), new AddressCoverage(Thisted with { Code = "0860", Name = "Hjørring" }, 30_000, 64_000)]);

        Assert.StartsWith("the address data holds no or few addresses in 2 of 3 municipalities (e.g. 0 in 0787 Thisted)", summary);
        Assert.Null(AddressCoverage.Summary([new AddressCoverage(Thisted, 30_000, 42_989)]));
    }
}
