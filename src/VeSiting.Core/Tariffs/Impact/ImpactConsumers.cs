namespace VeSiting.Core.Tariffs.Impact;

/// <summary>
/// The households an impact counts, as flat arrays (EPSG:25832): where each dwelling or access address is, its
/// municipality, how many households it holds, and whether the points are synthetic (never mixed with real ones).
/// <see cref="BasisByMunicipality"/> says, per municipality, which households are real and how they were counted (in English;
/// <see cref="BasisReasons"/> the same as reasons, where the counting gave them).
/// </summary>
public sealed record ImpactHouseholds(double[] X, double[] Y, int[] Municipality, int[] Households, bool Synthetic, IReadOnlyDictionary<int, string> BasisByMunicipality)
{
    public int Count => X.Length;

    /// <summary><see cref="BasisByMunicipality"/> as codes and values (a municipality missing here has its English text only).</summary>
    public IReadOnlyDictionary<int, Explanations.Reason> BasisReasons { get; init; } = new Dictionary<int, Explanations.Reason>();

    /// <summary>Households with the basis of each municipality given as reasons (<see cref="BasisByMunicipality"/> their English text).</summary>
    public ImpactHouseholds WithBasis(IReadOnlyDictionary<int, Explanations.Reason> basis) =>
        this with { BasisReasons = basis, BasisByMunicipality = basis.ToDictionary(p => p.Key, p => p.Value.Text) };
}

/// <summary>A firm of the user's layer: where it is, its municipality and its annual consumption.</summary>
public sealed record ImpactFirm(string Id, double X, double Y, int Municipality, double AnnualKwh);
