using VeSiting.Core.Tariffs;

namespace VeSiting.Api.Contracts;

/// <summary>One scheme's finding: law (the rule in force), with the loss-of-value fee where it has one.</summary>
public sealed record FindingDto(string Scheme, bool Applies, bool Violation, double? Dkk, string Why, string? RuleSet, string Status = "law")
{
    /// <summary><see cref="Why"/> as a code and values (its text in the answer's language).</summary>
    public Reason? WhyReason { get; init; }
}

public sealed record NearbyPlantDto(string Id, string Kind, string Status, string? Name, double? CapacityKw, double? TotalHeightM, double DistanceM,
    double? MultipleOfH, string Coverage, string CoverageWhy, string Permit, IReadOnlyList<FindingDto> Findings, string? ProjectId, Position Position)
{
    public Reason? CoverageWhyReason { get; init; }
    public Reason? PermitReason { get; init; }
}

/// <summary>A project's outcome for the site under one permit date: the schemes (law) and the one VE-bonus (an estimate: production and price are estimated).</summary>
public sealed record OutcomeDto(string? PermitDate, string Why, IReadOnlyList<FindingDto> Findings, double? VeBonusDkkPerYear, string? VeBonusWhy, string VeBonusStatus = "estimate")
{
    /// <summary><see cref="Why"/> and <see cref="VeBonusWhy"/> as codes and values.</summary>
    public Reason? WhyReason { get; init; }

    public Reason? VeBonusWhyReason { get; init; }
}

/// <summary>A project (what one permit covers) near the site: its members, the nearest, and what it pays the household.</summary>
public sealed record NearbyProjectDto(string Id, string Grouping, bool Inferred, IReadOnlyList<string> Members, double CapacityKw, string NearestMember,
    double DistanceM, double? MultipleOfH, string Permit, OutcomeDto Outcome, IReadOnlyList<OutcomeDto> OtherPeriods)
{
    /// <summary><see cref="Grouping"/> and <see cref="Permit"/> as codes and values.</summary>
    public Reason? GroupingReason { get; init; }

    public Reason? PermitReason { get; init; }
}

/// <summary>A tariff scenario's zone (status <c>proposal</c>) and the price and bill with and without it (status <c>estimate</c>).</summary>
public sealed record TariffDto(string Scenario, string Title, string? Zone, string? ZoneLabel, string Why, double PriceWithoutDkkPerKwh, double PriceWithDkkPerKwh,
    double BillWithoutDkk, double BillWithDkk, double SavingDkkPerYear, string Status, string PriceStatus, string PriceWhy)
{
    /// <summary><see cref="Why"/> (the zone's reason) as a code and values.</summary>
    public Reason? WhyReason { get; init; }

    /// <summary><see cref="PriceWhy"/> (how the price was formed) as a code and values.</summary>
    public Reason? PriceWhyReason { get; init; }
}

/// <summary>One part of the bill: per kWh (øre/kWh) or per year (DKK/year before VAT), with status, confidence, source, its address and the date read.</summary>
public sealed record PriceComponentDto(string Key, string Title, double Value, string Unit, string Status, string Confidence, string Source, string? Url,
    string? Read, string? Flag, string? Note)
{
    /// <summary><see cref="Title"/> as a reason (the title in the request's language; a fixed charge's title is the price stack's, as written there).</summary>
    public Reason? TitleReason { get; init; }

    public static PriceComponentDto Of(PriceComponentLine l) => new(l.Key, l.TitleReason.Rendered, Math.Round(l.Value, 4), l.Unit, Lower(l.Status), Lower(l.Confidence), l.Source,
        l.Url, l.Read?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Flag, l.Note)
    { TitleReason = l.TitleReason };

    internal static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

/// <summary>What distance means for one home or firm.</summary>
public sealed record SiteAnswer(
    string Label,
    Position Site,
    string? Municipality,
    NearbyPlantDto? NearestCoveredPlant,
    IReadOnlyList<NearbyPlantDto> Plants,
    IReadOnlyList<NearbyProjectDto> Projects,
    double VeBonusDkkPerYear,
    IReadOnlyList<string> Violations,
    IReadOnlyList<TariffDto> Tariffs,
    string Profile,
    double AnnualKwh,
    string PriceStack,
    ProvenanceDto Provenance,
    IReadOnlyList<string> Attribution,
    string DataVersion,
    string Customer,
    bool ProcessRefund,
    int PriceYear,
    string? PricesCarriedForward,
    IReadOnlyList<PriceComponentDto> PriceComponents)
{
    /// <summary>The shadow flicker the site gets from the turbines in operation around it (its own part).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShadowFlickerAnswer? ShadowFlicker { get; init; }

    /// <summary>The noise the site gets from the wind turbines in operation around it (its own part).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public HomeNoiseAnswer? Noise { get; init; }

    public static SiteAnswer Of(SiteAssessment a) => new(
        a.Label,
        Position.Of(a.Site),
        a.Municipality is { } m ? $"{m.Code} {m.Name}" : null,
        a.NearestCoveredPlant is { } n ? Plant(n) : null,
        a.Plants.Select(Plant).ToList(),
        a.Projects.Select(Project).ToList(),
        Math.Round(a.VeBonusDkkPerYear, 0),
        a.Violations.Select(v => Reason.About(v.Plant.Plant.Id, v.Finding.Why).Rendered).ToList(),
        a.Tariffs.Select(t => new TariffDto(t.Scenario.Id, t.Scenario.Title, t.Zone.Zone?.Id, t.Zone.Zone?.Label, t.Zone.Because.Rendered,
            Math.Round(t.Without.DkkPerKwh, 4), Math.Round(t.With.DkkPerKwh, 4), Math.Round(t.Without.AnnualDkk, 2), Math.Round(t.With.AnnualDkk, 2),
            Math.Round(t.SavingDkkPerYear, 2), PriceComponentDto.Lower(t.Status), PriceComponentDto.Lower(t.PriceStatus), t.With.Why.Rendered)
        { WhyReason = t.Zone.Because, PriceWhyReason = t.With.Why }).ToList(),
        a.Profile.Title,
        a.Profile.AnnualKwh,
        a.Prices.Ref.ToString(),
        ProvenanceDto.Of(a.Provenance),
        a.Attributions,
        a.DataVersion,
        PriceComponentDto.Lower(a.Profile.Customer),
        a.Profile.ProcessRefund,
        a.Prices.PriceYear,
        a.Prices.CarriedForward?.Rendered,
        PriceSources.Of(a.Prices, PriceCalculator.Price(a.Prices, a.Profile)).Select(PriceComponentDto.Of).ToList());

    private static NearbyPlantDto Plant(PlantNeighbourhood p) => new(
        p.Plant.Id, p.Plant.Kind.ToString(), p.Plant.Status.ToString(), p.Plant.Name ?? p.Plant.Model, p.Plant.CapacityKw, p.Plant.TotalHeightM,
        Math.Round(p.DistanceM, 2), p.MultipleOfH is { } k ? Math.Round(k, 2) : null, p.Eligibility.Coverage.ToString(), p.Eligibility.Why.Rendered, p.Permit.Why.Rendered,
        p.Findings.Select(Finding).ToList(), p.Plant.ProjectId, Position.Of(p.Plant.Geometry))
    { CoverageWhyReason = p.Eligibility.Why, PermitReason = p.Permit.Why };

    private static NearbyProjectDto Project(ProjectNeighbourhood p) => new(
        p.Project.Id, p.Project.Grouping.Rendered, p.Project.IsInferred, p.Project.Members.Select(m => m.Id).ToList(), p.Project.CapacityKw, p.Nearest.Plant.Id,
        Math.Round(p.Nearest.DistanceM, 2), p.Nearest.MultipleOfH is { } k ? Math.Round(k, 2) : null, p.Permit.Why.Rendered,
        Outcome(p.Outcome), p.OtherPeriods.Select(Outcome).ToList())
    { GroupingReason = p.Project.Grouping, PermitReason = p.Permit.Why };

    private static OutcomeDto Outcome(PeriodOutcome o) => new(
        o.PermitDate == default ? null : o.PermitDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.Why.Rendered,
        o.Findings.Select(Finding).ToList(), o.VeBonusDkkPerYear is { } b ? Math.Round(b, 0) : null, o.VeBonusWhy?.Rendered)
    { WhyReason = o.Why, VeBonusWhyReason = o.VeBonusWhy };

    internal static FindingDto Finding(SchemeFinding f) => new(f.Scheme, f.Applies, f.Violation, f.AmountDkk, f.Why.Rendered, f.RuleSet?.ToString()) { WhyReason = f.Why };
}
