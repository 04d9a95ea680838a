namespace VeSiting.Core.Suitability.Criteria;

/// <summary>
/// One siting criterion, whole: its id (as profiles name it), unit and meaning, what it needs (a user layer, store reads,
/// plants within a reach), how it measures one site exactly (<see cref="SitingEngine"/>) and how it fills a band over a
/// grid (<see cref="RasterSitingEngine"/>); at a cell's centre both give the same value. A new criterion is one subclass
/// and its line in <see cref="SitingCriteria.All"/>.
/// </summary>
public abstract class SitingCriterion
{
    /// <summary>The id profiles name it by (<c>criterion</c> in a profile; the schema's enum lists the same ids).</summary>
    public abstract string Id { get; }

    public abstract string Unit { get; }

    /// <summary>What the value means, in a sentence: the message <c>siting.meaning.{id}</c> of the catalogues.</summary>
    public Reason Meaning => Reason.Of($"siting.meaning.{Id}");

    /// <summary>The radius used when the profile gives none (0: the criterion has no radius).</summary>
    public virtual double DefaultRadiusM => 0;

    /// <summary>The kind of layer the user supplies for it (none: it reads only the store and the rules).</summary>
    public virtual UserLayerKind Layer => UserLayerKind.None;

    public bool NeedsLayer => Layer != UserLayerKind.None;

    /// <summary>Whether a profile may name the level of regions it reads (municipality, landsdel, region).</summary>
    public virtual bool TakesLevel => false;

    /// <summary>The profile's radius for it, else its default.</summary>
    public double RadiusOf(CriterionSpec spec) => spec.RadiusM ?? DefaultRadiusM;

    /// <summary>What the per-site engine reads from the store for it, besides plants.</summary>
    internal virtual SiteReads Reads => SiteReads.None;

    /// <summary>How far around a site it needs the plants (0: none).</summary>
    internal virtual double PlantReach(CriterionSpec spec, SitingInputs inputs) => 0;

    /// <summary>A note every answer using it carries (how it is approximated), or null.</summary>
    internal virtual Reason? Note => null;

    /// <summary>Its value at one candidate, exactly, and why.</summary>
    internal abstract Measurement Measure(CriterionSpec spec, Candidate candidate, StoreReads.Site site, SiteMeasures run);

    /// <summary>Declares work it shares with other criteria before any band is made (e.g. the nearest heat plant of every cell).</summary>
    internal virtual void Prepare(CriterionBands bands)
    {
    }

    /// <summary>Its value at every cell centre of the grid (NaN where unknown).</summary>
    internal abstract float[] Band(CriterionSpec spec, CriterionBands bands);
}

/// <summary>A criterion's value at a site (null: unknown) and why it is that.</summary>
internal readonly record struct Measurement(double? Value, Reason Why);
