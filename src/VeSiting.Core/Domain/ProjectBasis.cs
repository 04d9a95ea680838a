namespace VeSiting.Core.Domain;

/// <summary>How a plant's project (the plants one permit covers) was known.</summary>
public enum ProjectBasis
{
    /// <summary>The register's own park relation.</summary>
    Register,
    /// <summary>A user-supplied grouping (GSRN → project id); overrides the register and the inference.</summary>
    User,
    /// <summary>Inferred by the documented grouping rule (docs/rules-and-tariffs.md): said so in every answer.</summary>
    Inferred,
}
