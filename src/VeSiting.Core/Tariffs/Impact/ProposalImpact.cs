namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// One zone of a scenario (<see cref="ZoneId"/> null: outside every zone): who is in it, what they use, what they save a year.
/// <see cref="DiscountDkkPerYear"/>: what its customers save a year, households with VAT, firms without (deductible);
/// <see cref="DiscountPerHouseholdDkk"/>: what one household of the consumption profile saves a year, with VAT;
/// <see cref="FirmDiscountOrePerKwh"/> and <see cref="FirmDiscountDkkPerYear"/>: what the zone's firms save per kWh and together a year,
/// before VAT (a VAT-registered firm deducts it).
/// </summary>
public sealed record ZoneImpact(string? ZoneId, string Label, long Households, int Firms, double HouseholdKwh, double FirmKwh,
    double DiscountOrePerKwh, double DiscountDkkPerYear, double DiscountPerHouseholdDkk, double FirmDiscountOrePerKwh, double FirmDiscountDkkPerYear)
{
    /// <summary><see cref="Label"/> (English) as a reason: the scenario's zone label as data, or "outside every zone" in words.</summary>
    public Explanations.Reason LabelReason { get; init; } = Explanations.Reason.Plain(Label);
}

/// <summary>
/// A municipality: its households in and outside the zones, what the zoned save, what the others pay, and the net per household:
/// (savings of its zoned households − the uplift its other households pay) / its households, DKK a year with VAT. Its firms (of
/// the user's firms layer) beside them: how many, how many in a zone, their kWh, what the zoned save and what the others pay
/// for revenue neutrality, DKK a year before VAT.
/// </summary>
public sealed record MunicipalityImpact(int Code, string Name, long Households, long ZonedHouseholds, double DiscountDkkPerYear, double UpliftDkkPerYear,
    double NetDkkPerHousehold, string HouseholdBasis, int Firms, int ZonedFirms, double FirmKwh, double FirmDiscountDkkPerYear, double FirmUpliftDkkPerYear)
{
    /// <summary><see cref="HouseholdBasis"/> (English) as a reason.</summary>
    public Explanations.Reason HouseholdBasisReason { get; init; } = Explanations.Reason.Plain(HouseholdBasis);
}

/// <summary>
/// A firm of the user's layer under a scenario: its zone (<see cref="ZoneId"/> null: outside every zone) and what it saves,
/// øre per kWh and DKK a year before VAT (a VAT-registered firm deducts it).
/// </summary>
public sealed record FirmZone(Domain.Firm Firm, string? ZoneId, string? ZoneLabel, double DiscountOrePerKwh, double DiscountDkkPerYear);

/// <summary>The revenue a price component loses to the discounts, DKK a year before VAT.</summary>
public sealed record RevenueTaken(PriceComponent Component, string Who, double DkkPerYear)
{
    /// <summary><see cref="Who"/> (English) as a reason.</summary>
    public Explanations.Reason WhoReason { get; init; } = Explanations.Reason.Plain(Who);
}

/// <summary>
/// What a tariff scenario would cost, who gains and who pays, over an area. Discounts and the uplift are the proposal;
/// consumption, prices and everything derived from them are estimates; the dwellings are synthetic where <see cref="Synthetic"/>.
/// </summary>
public sealed record ProposalImpact(
    RuleSetRef Scenario,
    string ScenarioTitle,
    RuleSetRef PriceStack,
    string Area,
    IReadOnlyList<ZoneImpact> Zones,
    IReadOnlyList<MunicipalityImpact> Municipalities,
    IReadOnlyList<RevenueTaken> Revenue,
    double? UpliftOrePerKwh,
    double? OutsideHouseholdDkkPerYear,
    double HouseholdAnnualKwh,
    bool Synthetic,
    IReadOnlyList<Explanations.Reason> Notes)
{
    public double RevenueTakenDkkPerYear => Revenue.Sum(r => r.DkkPerYear);

    /// <summary>What each figure is: the zones and their discounts a proposal, the money an estimate.</summary>
    public static IReadOnlyDictionary<string, AnswerStatus> Status { get; } = new Dictionary<string, AnswerStatus>
    {
        ["zones"] = AnswerStatus.Proposal,
        ["discounts"] = AnswerStatus.Proposal,
        ["uplift"] = AnswerStatus.Proposal,
        ["consumption"] = AnswerStatus.Estimate,
        ["dkk"] = AnswerStatus.Estimate,
    };
}
