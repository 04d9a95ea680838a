using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Tests.Tariffs;

/// <summary>The 2026 household price stack written out in the tests (dk-ve-rules.md figures; spot 60 and margin 5 øre assumed).</summary>
internal static class TestPrices
{
    public static PriceStack Stack2026 { get; } = new()
    {
        Id = "test-2026",
        Version = "1",
        Year = 2026,
        Title = "test",
        Spot = new FlatComponent(60, "test", Confidence.Unconfirmed),
        SupplierMargin = new FlatComponent(5, "test", Confidence.Unconfirmed),
        DsoTariff = new DsoTariff(new TimeOfUse(10.83, 16.25, 42.25), new TimeOfUse(10.83, 32.50, 97.51), "n1.dk", Confidence.Confirmed),
        EnerginetTariffs = new FlatComponent(12.5, "energinet.dk", Confidence.Confirmed),
        Elafgift = new FlatComponent(0.8, "L 24", Confidence.Confirmed),
        VatRate = 0.25,
        Sha256 = new string('b', 64),
        File = "test.json",
    };
}
