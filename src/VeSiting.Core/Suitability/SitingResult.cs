using VeSiting.Core.Suitability.Places;

namespace VeSiting.Core.Suitability;

/// <summary>A candidate site: a grid cell (centre and square) or a user's point or parcel.</summary>
public sealed record Candidate(string Id, Point Position, Geometry? Area = null);

/// <summary>One criterion for one site: its value with unit, its 0–1 score, its share of the total, and why.</summary>
public sealed record CriterionValue(string Criterion, double? Value, string Unit, double Score, double Contribution, Reason Why);

/// <summary>A scored (or excluded) candidate; in a list of places, the place's best cell with the place (<see cref="Place"/>).</summary>
public sealed record RankedSite(Candidate Candidate, int? Rank, double? Score, IReadOnlyList<CriterionValue> Values, Reason? ExcludedBecause)
{
    /// <summary>The place this best cell stands for, when the ranked list holds places (<see cref="SitingResult.Distinct"/>).</summary>
    public SitePlace? Place { get; init; }
}

public sealed record SitingResult(
    SitingProfile Profile,
    string AreaLabel,
    double? CellSizeM,
    IReadOnlyList<RankedSite> Sites,
    IReadOnlyList<Reason> Notes,
    Provenance Provenance,
    IReadOnlyList<string> Attributions,
    string DataVersion,
    TimeSpan Elapsed)
{
    public IEnumerable<RankedSite> Ranked => Sites.Where(s => s.Rank is not null).OrderBy(s => s.Rank);
    public IEnumerable<RankedSite> Excluded => Sites.Where(s => s.ExcludedBecause is not null);

    /// <summary>Set when <see cref="Sites"/> lists only some of the candidates (a raster run lists its best and a few excluded).</summary>
    public SiteCounts? Counts { get; init; }

    /// <summary>How the ranked list was made of places (null: it lists cells or the user's own candidates one by one).</summary>
    public DistinctSiteRule? Distinct { get; init; }

    /// <summary><see cref="AreaLabel"/> (English) as a reason: the area's name as data, Denmark or the supplied sites in words.</summary>
    public Reason AreaReason { get; init; } = Reason.Plain(AreaLabel);

    public long CandidateCount => Counts?.Candidates ?? Sites.Count;
    public long RankedCount => Counts?.Ranked ?? Ranked.Count();
    public long ExcludedCount => Counts?.Excluded ?? Excluded.Count();
}

/// <summary>How many candidates a run scored, ranked and excluded.</summary>
public sealed record SiteCounts(long Candidates, long Ranked, long Excluded);
