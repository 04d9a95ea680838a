using VeSiting.Core.Importing;

namespace VeSiting.Core.Noise;

/// <summary>One turbine's part in a noise answer: where its sound power came from, its cut-off, and why.</summary>
public sealed record NoiseTurbine(Plant Plant, NoiseSource? Source, Reason? Why)
{
    public bool Included => Source is not null;
}

/// <summary>Turns plants into <see cref="NoiseSource"/>s: the layout's or data sheet's sound power, else the estimate (said so).</summary>
public static class NoiseSources
{
    /// <summary>Wind turbines the noise method covers: on land or of unknown siting (the offshore method differs and is not implemented).</summary>
    public static bool Covered(Plant plant) => plant.Kind == PlantKind.WindTurbine && plant.Siting != Siting.Offshore && plant.HubHeightM is > 0;

    /// <exception cref="ImportFailedException">A layout gave this turbine a sound power outside the range of the rules in force (file, feature, field).</exception>
    public static NoiseTurbine For(Plant plant, NoiseRules rules, Provenance provenance, bool inProject)
    {
        if (plant.Acoustics is { Basis: AcousticsBasis.Layout } given && rules.Range.Problem(given) is { } problem)
        {
            throw new ImportFailedException(plant.Origin.SourceId,
                [new ImportIssue(ImportIssueSeverity.Error, plant.Origin.File, plant.Origin.Row, problem.Field, problem.Reason)]);
        }
        var acoustics = plant.Acoustics ?? SoundPowerEstimate.For(plant, rules, provenance);
        var name = plant.Name ?? plant.Id;
        if (acoustics is null)
        {
            return plant.RotorDiameterM is > 0 || plant.CapacityKw is > 0
                ? new NoiseTurbine(plant, null, Reason.Of("noise.sound-power-outside-estimate", ("turbine", name), ("rotor", plant.RotorDiameterM ?? 0),
                    ("minRotor", rules.SoundPower.MinRotorDiameter), ("maxRotor", rules.SoundPower.MaxRotorDiameter)))
                : new NoiseTurbine(plant, null, Reason.Of("noise.sound-power-unknown", ("turbine", name)));
        }
        if (acoustics.Octaves8 is null)
            rules.UseDefaultShape(provenance);
        if (acoustics.LowFrequencyThirds8 is not null)
            rules.UseLowFrequency(provenance);
        var (x, y) = (plant.Geometry.Centroid.X, plant.Geometry.Centroid.Y);
        var source = new NoiseSource(plant.Id, x, y, plant.HubHeightM!.Value, acoustics, rules, inProject);
        Reason? why = acoustics.IsEstimate
            ? Reason.Of("noise.sound-power-estimated", ("turbine", name),
                ("basis", acoustics.Basis == AcousticsBasis.EstimateByRotorDiameter
                    ? Reason.Of("noise.basis-rotor", ("rotor", plant.RotorDiameterM ?? 0)) : Reason.Of("noise.basis-capacity", ("kw", plant.CapacityKw ?? 0))),
                ("lwa8", Math.Round(acoustics.Lwa8, 1)), ("lwa6", Math.Round(acoustics.Lwa6, 1)), ("spread", rules.SoundPower.Spread8 is { } spread ? spread : Reason.Of("general.unknown")))
            : acoustics.Basis == AcousticsBasis.DataSheet
                ? Reason.Of("noise.sound-power-measured", ("turbine", name), ("source", acoustics.Source ?? "turbine-acoustics"),
                    ("lwa8", Math.Round(acoustics.Lwa8, 1)), ("lwa6", Math.Round(acoustics.Lwa6, 1)))
                : null;
        return new NoiseTurbine(plant, source, why);
    }
}
