namespace VeSiting.Core.Rules;

/// <summary>How sure the source of a value is.</summary>
public enum Confidence
{
    /// <summary>Found in a primary source (law, order, the authority's own page).</summary>
    Confirmed,
    /// <summary>From a secondary source (a municipality, the press).</summary>
    Reported,
    /// <summary>Not found in a primary source: every answer that uses it says so.</summary>
    Unconfirmed,
}
