namespace VeSiting.Core.Suitability.Criteria;

/// <summary>What the per-site engine reads from the store for a criterion, one batch call per kind for all candidates.</summary>
[Flags]
public enum SiteReads
{
    None = 0,
    /// <summary>The nearest district-heating plant.</summary>
    NearestHeat = 1,
    /// <summary>The nearest dwelling (access address).</summary>
    NearestDwelling = 2,
    /// <summary>The municipality and the region containing the site.</summary>
    Areas = 4,
}
