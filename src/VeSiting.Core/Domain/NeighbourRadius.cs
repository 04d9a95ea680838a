namespace VeSiting.Core.Domain;

/// <summary>Radii expressed as multiples of a turbine's total height H (4 × H, 6 × H, 8 × H …).</summary>
public static class NeighbourRadius
{
    /// <summary>k × H in metres; fails clearly when the plant's total height is unknown.</summary>
    public static double MultipleOfTotalHeight(Plant plant, double k)
    {
        if (k <= 0 || !double.IsFinite(k))
            throw new ArgumentOutOfRangeException(nameof(k), k, "the multiple of total height must be a positive number");
        return plant.TotalHeightM is { } h
            ? k * h
            : throw new InvalidOperationException($"Plant {plant.Id} has no known total height (hub height and rotor diameter are needed), so k × H cannot be computed.");
    }
}
