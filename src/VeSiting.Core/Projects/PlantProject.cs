namespace VeSiting.Core.Projects;

/// <summary>
/// What one permit covers: the plants of a park (or a single plant). The neighbour schemes are per project: one
/// VE-bonus per household, the cap on the project's capacity, distances to its nearest member.
/// </summary>
public sealed record PlantProject(string Id, ProjectBasis? Basis, IReadOnlyList<Plant> Members)
{
    public double CapacityKw => Members.Sum(m => m.CapacityKw ?? 0);

    /// <summary>The key plants are grouped by: the project id, or the plant's own id for a plant that is its own project.</summary>
    public static string KeyOf(Plant plant) => plant.ProjectId ?? plant.Id;

    /// <summary>The project of one plant alone (a solar park, a planned turbine).</summary>
    public static PlantProject Single(Plant plant) => new(KeyOf(plant), plant.ProjectBasis, [plant]);

    /// <summary>How the grouping was known, as every answer states it.</summary>
    public Reason Grouping => Reason.Of(Basis switch
    {
        ProjectBasis.Register => "grouping.register",
        ProjectBasis.User => "grouping.user",
        ProjectBasis.Inferred when Members.Count == 1 => "grouping.inferred-alone",
        ProjectBasis.Inferred => "grouping.inferred",
        _ => Members.Count == 1 ? "grouping.one-plant" : "grouping.given-together",
    });

    public bool IsInferred => Basis == ProjectBasis.Inferred;
}
