using VeSiting.Core.Rules;
using VeSiting.Core.Tariffs;

namespace VeSiting.Core.Tests.Tariffs;

/// <summary>
/// The price stack for a year (fallback to the latest earlier one), fixed annual charges, a firm's VAT and the
/// process refund of elafgift. Every expected number is worked out by hand from the 2026 test stack
/// (TariffTests: household DSO 35.686 øre/kWh, 113.986 øre/kWh before VAT, zone A 83.643) plus a
/// 252 DKK/year grid subscription (12 × 21.00 DKK) and a 0.4 øre/kWh process refund.
/// </summary>
public sealed class PriceChoiceAndBillTests
{
    private static readonly ConsumptionProfile Household = new ConsumptionProfile("household", "household", 4000,
        new TimeOfUseShares(new TimeOfUse(0.07, 0.27, 0.11), new TimeOfUse(0.08, 0.32, 0.15))).Validated();

    private static readonly ConsumptionProfile Firm = (Household with { Customer = Customer.Firm }).Validated();

    private static readonly ConsumptionProfile FirmWithRefund = (Household with { Customer = Customer.Firm, ProcessRefund = true }).Validated();

    private static readonly PriceStack Stack = TestPrices.Stack2026 with
    {
        FixedCharges = [new FixedCharge("dsoSubscription", "grid subscription", 252, "radiuselnet.dk", Confidence.Unconfirmed, null,
            "https://radiuselnet.dk/elkunder/priser-og-vilkaar/tariffer-og-netabonnement/", new DateOnly(2026, 11, 29))],
        ProcessRefund = new ProcessRefund(0.4, "elafgiftsloven § 11", "skat.dk", Confidence.Unconfirmed, null, "https://info.skat.dk/data.aspx?oid=2062274", new DateOnly(2026, 11, 29)),
    };

    private static readonly Dictionary<PriceComponent, double> ZoneA = new() { [PriceComponent.DsoTariff] = 0.5, [PriceComponent.EnerginetTariffs] = 1.0 };

    private static Dictionary<int, PriceStack> Stacks() => new()
    {
        [2024] = TestPrices.Stack2026 with { Year = 2024, Id = "test-2024" },
        [2026] = TestPrices.Stack2026,
    };

    [Fact]
    public void A_year_without_a_stack_uses_the_latest_earlier_one_and_says_so()
    {
        var stack = PriceStackChoice.For(Stacks(), 2027)!;
        Assert.Equal(2026, stack.Year);
        Assert.Equal(2027, stack.CarriedForwardTo);
        Assert.Equal(2027, stack.PriceYear);
        Assert.StartsWith("2026 prices carried forward to 2027", stack.CarriedForwardNote);
        // 2025 falls between the stacks: 2024's prices, not 2026's.
        Assert.Equal(2024, PriceStackChoice.For(Stacks(), 2025)!.Year);
        // The prices themselves are 2026's: 113.986 øre/kWh × 1.25 × 4,000 kWh = 5,699.30 DKK, and the answer says why.
        var price = PriceCalculator.Price(stack, Household);
        Assert.Equal(5699.30, price.AnnualDkk, 1e-6);
        Assert.Contains("2026 prices carried forward to 2027", price.Why.Text);
    }

    [Fact]
    public void A_years_own_stack_is_not_flagged_and_a_year_before_the_earliest_has_none()
    {
        var own = PriceStackChoice.For(Stacks(), 2026)!;
        Assert.Null(own.CarriedForwardTo);
        Assert.Null(own.CarriedForwardNote);
        Assert.Null(PriceStackChoice.For(Stacks(), 2023));
        Assert.Contains("the earliest is 2024", PriceStackChoice.NoStackReason(Stacks(), 2023));
    }

    [Fact]
    public void Fixed_charges_are_in_the_household_bill_with_VAT_but_not_in_the_price_per_kWh()
    {
        var price = PriceCalculator.Price(Stack, Household);
        Assert.Equal(1.424825, price.DkkPerKwh, 1e-9); // unchanged: 113.986 × 1.25 / 100
        Assert.Equal(315, price.FixedDkkPerYear, 1e-9); // 252 × 1.25
        Assert.Equal(6014.30, price.AnnualDkk, 1e-6); // 5,699.30 + 315
        Assert.Contains("grid subscription 252 DKK before VAT", price.Why.Text);
    }

    [Fact]
    public void A_firm_deducts_the_VAT()
    {
        var price = PriceCalculator.Price(Stack, Firm);
        Assert.Equal(1.13986, price.DkkPerKwh, 1e-9); // 113.986 øre, no VAT
        Assert.Equal(4811.44, price.AnnualDkk, 1e-6); // 4,000 × 1.13986 = 4,559.44; + 252
        Assert.Contains("VAT (25 %) excluded", price.Why.Text);
    }

    [Fact]
    public void A_firm_using_power_for_processes_gets_the_elafgift_refund()
    {
        var price = PriceCalculator.Price(Stack, FirmWithRefund);
        Assert.Equal(-0.4, price.ComponentsOrePerKwh[PriceComponent.ProcessRefund], 1e-12);
        Assert.Equal(113.586, price.ExVatOrePerKwh, 1e-9); // 113.986 − 0.4
        Assert.Equal(4795.44, price.AnnualDkk, 1e-6); // 4,000 × 1.13586 = 4,543.44; + 252
        Assert.Contains("elafgift refunded for process use: 0.4 øre/kWh (elafgiftsloven § 11)", price.Why.Text);

        // Zone A: 83.643 − 0.4 = 83.243 øre → 3,329.72 + 252 = 3,581.72 DKK; saving 4,795.44 − 3,581.72 = 1,213.72 (= 4,000 × 30.343 øre).
        var zoned = PriceCalculator.Price(Stack, FirmWithRefund, ZoneA);
        Assert.Equal(3581.72, zoned.AnnualDkk, 1e-6);
        Assert.Equal(1213.72, price.AnnualDkk - zoned.AnnualDkk, 1e-6);
    }

    [Fact]
    public void The_refund_never_exceeds_the_elafgift_paid()
    {
        // A 75.7 øre refund (2024: 76.1 − 0.4) against the 2026 elafgift of 0.8 øre refunds 0.8 øre, not more.
        var stack = Stack with { ProcessRefund = Stack.ProcessRefund! with { OrePerKwh = 75.7 } };
        Assert.Equal(-0.8, PriceCalculator.Price(stack, FirmWithRefund).ComponentsOrePerKwh[PriceComponent.ProcessRefund], 1e-12);
        // Elafgift fully discounted by a scenario: nothing left to refund.
        var noTax = new Dictionary<PriceComponent, double> { [PriceComponent.Elafgift] = 1 };
        Assert.Equal(0, PriceCalculator.Price(Stack, FirmWithRefund, noTax).ComponentsOrePerKwh[PriceComponent.ProcessRefund], 1e-12);
    }

    [Fact]
    public void Only_a_firm_can_claim_the_process_refund()
    {
        Assert.Throws<ArgumentException>(() => (Household with { ProcessRefund = true }).Validated());
    }

    [Fact]
    public void Every_component_lists_its_source_address_read_date_status_and_flag()
    {
        var lines = PriceSources.Of(Stack, PriceCalculator.Price(Stack, FirmWithRefund)).ToDictionary(l => l.Key);
        Assert.Equal(["dsoSubscription", "dsoTariff", "elafgift", "energinetTariffs", "processRefund", "spot", "supplierMargin"], lines.Keys.Order());
        Assert.Equal(35.686, lines["dsoTariff"].Value, 1e-9);
        Assert.Equal(-0.4, lines["processRefund"].Value, 1e-12);
        Assert.Equal("legal basis: elafgiftsloven § 11", lines["processRefund"].Note);
        Assert.Equal("DKK/year", lines["dsoSubscription"].Unit);
        Assert.Equal(252, lines["dsoSubscription"].Value);
        Assert.Equal(new DateOnly(2026, 11, 29), lines["dsoSubscription"].Read);
        Assert.StartsWith("https://radiuselnet.dk/", lines["dsoSubscription"].Url);
        Assert.Equal(AnswerStatus.Estimate, lines["spot"].Status);
        Assert.Equal(AnswerStatus.Law, lines["elafgift"].Status); // the year's own tax
        Assert.Null(lines["elafgift"].Flag); // confirmed
        Assert.StartsWith("unconfirmed", lines["dsoSubscription"].Flag);

        // A reported value is flagged; a carried-forward tax is an estimate, not law.
        var reported = Stack with { Elafgift = Stack.Elafgift with { Confidence = Confidence.Reported }, CarriedForwardTo = 2027 };
        var elafgift = PriceSources.Of(reported, PriceCalculator.Price(reported, Household)).Single(l => l.Key == "elafgift");
        Assert.StartsWith("reported", elafgift.Flag);
        Assert.Equal(AnswerStatus.Estimate, elafgift.Status);
    }
}
