using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using VeSiting.Core.Domain;
using VeSiting.Core.Rules;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tariffs.Impact;
using VeSiting.Data.Embedded;
using VeSiting.Data.Importers.UserFiles;
using VeSiting.Stores.Tests.Fixtures;

namespace VeSiting.Stores.Tests.Impact;

/// <summary>
/// The proposal's impact with households and firms, derived by hand, on both stores. One covered turbine T at (605,000,
/// 6,200,000), H = 60 + 80 / 2 = 100 m. Two zones: A within 1 km (half the DSO tariff, all of Energinet's), B within 3 km
/// (a quarter of the DSO tariff). Municipality 0101 "Vest" is x 590–600 km, 0147 "Øst" x 600–620 km (y 6,190–6,210 km).
/// Prices (before VAT): DSO tariff 12 øre/kWh low, 24 high, 48 peak in both seasons, Energinet 10, VAT 25 %. A household
/// uses 4,000 kWh, all at night (DSO 12 øre); a firm 6 h low, 14 h high, 4 h peak a day: DSO (6 × 12 + 14 × 24 + 4 × 48) / 24
/// = 600 / 24 = 25 øre/kWh.
/// Households: 40 access addresses of 2 households 500 m east of T (zone A, 80 households), 120 of 1 household 2 km north
/// (zone B), all in Øst; 100 of 1 household in Vest 10 km west of T (outside). Firms (a firms-layer CSV): F1 800 m east
/// (zone A, 1,200,000 kWh), F2 2.5 km east (zone B, 600,000 kWh), both in Øst; F3 in Vest 11 km west (outside, 400,000 kWh);
/// F4 at x 630 km, in no municipality.
/// </summary>
public abstract class FirmImpactCases : IContractData
{
    protected abstract ISpatialStore Store { get; }

    private static readonly TariffScenario TwoZones = new()
    {
        Id = "two-zones",
        Version = "1",
        Title = "two zones",
        Basis = ZoneBasis.Distance,
        CoveredPlants = new CoveredPlantFilter(new HashSet<PlantKind> { PlantKind.WindTurbine }, new HashSet<PlantStatus>(), 25, 500),
        Zones =
        [
            new TariffZone("A", "within 1 km", 1000, null, null, new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.5, [PriceComponent.EnerginetTariffs] = 1 }),
            new TariffZone("B", "within 3 km", 3000, null, null, new Dictionary<PriceComponent, double> { [PriceComponent.DsoTariff] = 0.25 }),
        ],
        Sha256 = new string('d', 64),
        File = "two-zones.json",
    };

    private static readonly PriceStack Prices = new()
    {
        Id = "hand-made",
        Version = "1",
        Year = 2026,
        Title = "hand-made prices",
        Spot = new FlatComponent(60, "test", Confidence.Unconfirmed),
        SupplierMargin = new FlatComponent(5, "test", Confidence.Unconfirmed),
        DsoTariff = new DsoTariff(new TimeOfUse(12, 24, 48), new TimeOfUse(12, 24, 48), "test", Confidence.Unconfirmed),
        EnerginetTariffs = new FlatComponent(10, "test", Confidence.Unconfirmed),
        Elafgift = new FlatComponent(1, "test", Confidence.Unconfirmed),
        VatRate = 0.25,
        Sha256 = new string('e', 64),
        File = "hand-made.json",
    };

    private static readonly ConsumptionProfile Night = new("household", "night", 4000, TimeOfUseShares.Uniform(1, 0, 0));

    private Task<ProposalImpact> ImpactAsync(string area = "denmark") => new ProposalImpactService(Store, Prices, Night).RunAsync(TwoZones, area, synthetic: false);

    [Fact]
    public async Task Each_zone_counts_its_households_and_firms_their_consumption_and_discounts()
    {
        var impact = await ImpactAsync();
        var (a, b, outside) = (impact.Zones.Single(z => z.ZoneId == "A"), impact.Zones.Single(z => z.ZoneId == "B"), impact.Zones.Single(z => z.ZoneId is null));

        Assert.Equal((80L, 1, 320_000.0, 1_200_000.0), (a.Households, a.Firms, a.HouseholdKwh, a.FirmKwh));     // 80 × 4,000 kWh
        Assert.Equal((120L, 1, 480_000.0, 600_000.0), (b.Households, b.Firms, b.HouseholdKwh, b.FirmKwh));      // 120 × 4,000 kWh
        Assert.Equal((100L, 1, 400_000.0, 400_000.0), (outside.Households, outside.Firms, outside.HouseholdKwh, outside.FirmKwh));
        // A household in A: 12 × 0.5 + 10 × 1 = 16 øre/kWh; 16 × 4,000 / 100 × 1.25 = 800 DKK a year; 80 of them 64,000.
        // The firm in A: 25 × 0.5 + 10 × 1 = 22.5 øre/kWh; 22.5 × 1,200,000 / 100 = 270,000 DKK before VAT. Together 334,000.
        Assert.Equal((16.0, 800.0, 22.5, 270_000.0), (a.DiscountOrePerKwh, a.DiscountPerHouseholdDkk, Math.Round(a.FirmDiscountOrePerKwh, 9), Math.Round(a.FirmDiscountDkkPerYear, 6)));
        Assert.Equal(334_000, a.DiscountDkkPerYear, 6);
        // B: households 12 × 0.25 = 3 øre → 3 × 40 × 1.25 = 150 DKK each, 18,000 for 120; the firm 25 × 0.25 = 6.25 øre × 6,000 = 37,500.
        Assert.Equal((3.0, 150.0, 6.25, 37_500.0), (b.DiscountOrePerKwh, b.DiscountPerHouseholdDkk, Math.Round(b.FirmDiscountOrePerKwh, 9), Math.Round(b.FirmDiscountDkkPerYear, 6)));
        Assert.Equal(55_500, b.DiscountDkkPerYear, 6);
        Assert.Equal((0.0, 0.0), (outside.DiscountDkkPerYear, outside.FirmDiscountDkkPerYear));
    }

    [Fact]
    public async Task Households_and_firms_outside_the_zones_pay_the_revenue_the_discounts_take_per_kWh()
    {
        var impact = await ImpactAsync();

        // DSO: households 320,000 kWh × 6 øre + 480,000 × 3 = 19,200 + 14,400; firms 1,200,000 × 12.5 øre + 600,000 × 6.25 = 150,000 + 37,500: 221,100 DKK.
        Assert.Equal(221_100, impact.Revenue.Single(r => r.Component == PriceComponent.DsoTariff).DkkPerYear, 6);
        // Energinet: 320,000 × 10 øre + 1,200,000 × 10 øre = 32,000 + 120,000 = 152,000 DKK. Together 373,100.
        Assert.Equal(152_000, impact.Revenue.Single(r => r.Component == PriceComponent.EnerginetTariffs).DkkPerYear, 6);
        Assert.Equal(373_100, impact.RevenueTakenDkkPerYear, 6);
        // Outside: 100 households × 4,000 + F3's 400,000 = 800,000 kWh (F4, in no municipality, is not counted):
        // 373,100 × 100 / 800,000 = 46.6375 øre/kWh; a household outside pays 46.6375 × 40 × 1.25 = 2,331.875 DKK a year.
        Assert.Equal(46.6375, impact.UpliftOrePerKwh!.Value, 9);
        Assert.Equal(2_331.875, impact.OutsideHouseholdDkkPerYear!.Value, 6);
        Assert.Contains(impact.Notes, n => n.Text.StartsWith("1 firm(s) of the firms layer lie in no municipality", StringComparison.Ordinal));
        Assert.Contains(impact.Notes, n => n.Text.StartsWith("3 firm(s) of the firms layer counted with 2,200,000 kWh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_municipality_counts_its_firms_beside_its_households()
    {
        var impact = await ImpactAsync();
        var (vest, oest) = (impact.Municipalities.Single(m => m.Code == 101), impact.Municipalities.Single(m => m.Code == 147));

        // Vest: 100 households outside, each paying 2,331.875 DKK (233,187.5 together); its firm F3 pays 46.6375 × 4,000 = 186,550 DKK before VAT.
        Assert.Equal((100L, 0L, 1, 0, 400_000.0), (vest.Households, vest.ZonedHouseholds, vest.Firms, vest.ZonedFirms, vest.FirmKwh));
        Assert.Equal(233_187.5, vest.UpliftDkkPerYear, 6);
        Assert.Equal(-2_331.875, vest.NetDkkPerHousehold, 6);
        Assert.Equal((0.0, 186_550.0), (vest.FirmDiscountDkkPerYear, Math.Round(vest.FirmUpliftDkkPerYear, 6)));
        // Øst: 200 households all zoned, saving 64,000 + 18,000 = 82,000 DKK: 410 each; firms F1 and F2 save 270,000 + 37,500 = 307,500.
        Assert.Equal((200L, 200L, 2, 2, 1_800_000.0), (oest.Households, oest.ZonedHouseholds, oest.Firms, oest.ZonedFirms, oest.FirmKwh));
        Assert.Equal(410, oest.NetDkkPerHousehold, 6);
        Assert.Equal((307_500.0, 0.0), (Math.Round(oest.FirmDiscountDkkPerYear, 6), oest.FirmUpliftDkkPerYear));
        // Revenue neutral: what the outside pays before VAT, households 233,187.5 / 1.25 = 186,550 and the firm 186,550, is what the discounts take.
        Assert.Equal(impact.RevenueTakenDkkPerYear, vest.UpliftDkkPerYear / 1.25 + vest.FirmUpliftDkkPerYear, 6);
    }

    [Fact]
    public async Task A_municipality_alone_is_revenue_neutral_within_itself()
    {
        // Øst alone: everyone is in a zone, so nobody in the area can pay the 373,100 DKK.
        var impact = await ImpactAsync("municipality:147");

        Assert.Null(impact.UpliftOrePerKwh);
        Assert.Equal(2, impact.Zones.Sum(z => z.Firms));
        Assert.Contains(impact.Notes, n => n.Text.Contains("no customer outside the zones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_firm_of_the_layer_gets_its_zone_and_what_it_saves_as_the_map_shows_it()
    {
        var firms = await new ProposalImpactService(Store, Prices, Night).FirmZonesAsync(TwoZones);

        // F1 800 m from T: zone A, 25 × 0.5 + 10 = 22.5 øre/kWh × 1,200,000 kWh = 270,000 DKK; F2 2.5 km: zone B, 25 × 0.25 =
        // 6.25 øre × 600,000 = 37,500 DKK; F3 11 km and F4 25 km away (F4 in no municipality, still on the map): no zone, nothing.
        Assert.Equal(
            [("F1", "A", 22.5, 270_000.0), ("F2", "B", 6.25, 37_500.0), ("F3", (string?)null, 0.0, 0.0), ("F4", null, 0.0, 0.0)],
            firms.Select(f => (f.Firm.Id, f.ZoneId, Math.Round(f.DiscountOrePerKwh, 9), Math.Round(f.DiscountDkkPerYear, 6))));
        Assert.Equal("within 1 km", firms[0].ZoneLabel);
        // The same figures the zones' firm totals add up.
        var impact = await ImpactAsync();
        Assert.Equal(impact.Zones.Single(z => z.ZoneId == "A").FirmDiscountDkkPerYear, firms[0].DiscountDkkPerYear, 6);
    }

    [Fact]
    public async Task The_store_lists_the_firms_layer_by_id_with_cvr_and_origin()
    {
        var firms = await Store.ListFirmsAsync();

        Assert.Equal(["F1", "F2", "F3", "F4"], firms.Select(f => f.Id));
        Assert.Equal(("Gartneri Øst", "12345678", 1_200_000.0, 605_800.0, 6_200_000.0), (firms[0].Name, firms[0].Cvr, firms[0].AnnualKwh, firms[0].Position.X, firms[0].Position.Y));
        Assert.Null(firms[1].Cvr);
        Assert.Equal(new RecordOrigin("firms", "firms.csv", 3), firms[1].Origin);
    }

    public const string FirmsCsv = """
        id,name,annual_kwh,cvr,e,n
        F1,Gartneri Øst,1200000,12345678,605800,6200000
        F2,Mejeri,600000,,607500,6200000
        F3,Savværk Vest,400000,87654321,594000,6200000
        F4,Havn,50000,,630000,6200000
        """;

    public static DataSet Data()
    {
        var folder = Directory.CreateTempSubdirectory("vesiting-firms-").FullName;
        var path = Path.Combine(folder, "firms.csv");
        File.WriteAllText(path, FirmsCsv);
        var firms = new FirmReader().Read(path, "firms");
        Directory.Delete(folder, recursive: true);
        Assert.Empty(firms.Issues);
        var origin = new RecordOrigin("impact-hand-made", "impact-hand-made", 1);
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        Geometry Wkt(string wkt) => factory.CreateGeometry(new WKTReader().Read(wkt));
        var addresses = new List<Address>();
        void Add(int count, int code, double e, double n, int households)
        {
            for (var i = 0; i < count; i++)
            {
                addresses.Add(new Address
                {
                    Id = $"{code}-{e}-{n}-{i:000}",
                    MunicipalityCode = code,
                    StreetName = "Takstvej",
                    HouseNumber = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    PostCode = 9999,
                    PostCodeName = "Prøve",
                    Position = GeometryTransforms.Utm32Point(e, n),
                    Households = households,
                    Origin = origin,
                });
            }
        }
        Add(40, 147, 605_500, 6_200_000, 2);
        Add(120, 147, 605_000, 6_202_000, 1);
        Add(100, 101, 595_000, 6_200_000, 1);
        return new DataSet
        {
            Plants = [PlannedPlants.Turbine("T", 605_000, 6_200_000, 60, 80) with { Status = PlantStatus.Operating, Origin = origin }],
            Addresses = addresses,
            Municipalities =
            [
                new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0101", Name = "Vest", Origin = origin, Geometry = Wkt("POLYGON ((590000 6190000, 600000 6190000, 600000 6210000, 590000 6210000, 590000 6190000))") },
                new AdminArea { Kind = AdminAreaKind.Municipality, Code = "0147", Name = "Øst", Origin = origin, Geometry = Wkt("POLYGON ((600000 6190000, 620000 6190000, 620000 6210000, 600000 6210000, 600000 6190000))") },
            ],
            Firms = firms.Records,
            Attributions = ["Hand-made test data"],
            Version = new DataVersion("impact-hand-made", DateTimeOffset.UnixEpoch),
        };
    }
}

public sealed class EmbeddedFirmImpactTests : FirmImpactCases
{
    private static readonly EmbeddedSpatialStore Embedded = new(Data());

    protected override ISpatialStore Store => Embedded;
}

public sealed class PostGisFirmImpactTests(PostGisStoreOf<FirmImpactCases> data) : FirmImpactCases, IClassFixture<PostGisStoreOf<FirmImpactCases>>
{
    protected override ISpatialStore Store => data.Store;
}
