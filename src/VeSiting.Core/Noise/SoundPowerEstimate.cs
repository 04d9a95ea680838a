namespace VeSiting.Core.Noise;

/// <summary>Sound power of a turbine without data: L_WA = a + b·lg(rotor diameter), else a + b·lg(capacity), from the noise-estimates rule set.</summary>
public static class SoundPowerEstimate
{
    /// <summary>The estimate for the plant, or null when neither its rotor diameter nor its capacity is known within the fit's range.</summary>
    public static TurbineAcoustics? For(Plant plant, NoiseRules rules, Provenance provenance)
    {
        var fit = rules.SoundPower;
        if (!Estimable(plant, fit))
            return null;
        if (plant.RotorDiameterM is > 0 and var diameter)
        {
            rules.UseSoundPowerFit(provenance, byDiameter: true);
            var lg = Math.Log10(diameter);
            return new TurbineAcoustics(fit.DiameterIntercept6 + fit.DiameterSlope6 * lg, fit.DiameterIntercept8 + fit.DiameterSlope8 * lg, null, null, AcousticsBasis.EstimateByRotorDiameter);
        }
        if (plant.CapacityKw is > 0 and var kw)
        {
            rules.UseSoundPowerFit(provenance, byDiameter: false);
            var lg = Math.Log10(kw);
            return new TurbineAcoustics(fit.CapacityIntercept6 + fit.CapacitySlope6 * lg, fit.CapacityIntercept8 + fit.CapacitySlope8 * lg, null, null, AcousticsBasis.EstimateByCapacity);
        }
        return null;
    }

    /// <summary>Whether the fit covers the plant: its rotor diameter (or, without one, its capacity) lies within the fitted range.</summary>
    public static bool Estimable(Plant plant, SoundPowerFit fit) => plant.RotorDiameterM is > 0 and var d
        ? d >= fit.MinRotorDiameter && d <= fit.MaxRotorDiameter
        : plant.CapacityKw is > 0 and var kw && kw >= fit.MinCapacity && kw <= fit.MaxCapacity;
}
