using System.Text.Json;
using VeSiting.Core.Noise;

namespace VeSiting.Stores.PostGis;

/// <summary>A plant's <see cref="TurbineAcoustics"/> as the <c>plants.acoustics</c> jsonb column holds it.</summary>
internal static class PlantAcousticsJson
{
    private sealed record Stored(double Lwa6, double Lwa8, double[]? Octaves8, double[]? LowFrequencyThirds8, string Basis, string? Source);

    public static string? Write(TurbineAcoustics? a) => a is null ? null
        : JsonSerializer.Serialize(new Stored(a.Lwa6, a.Lwa8, a.Octaves8?.ToArray(), a.LowFrequencyThirds8?.ToArray(), a.Basis.ToString(), a.Source));

    public static TurbineAcoustics? Read(string? json)
    {
        if (json is null)
            return null;
        var s = JsonSerializer.Deserialize<Stored>(json)!;
        return new TurbineAcoustics(s.Lwa6, s.Lwa8, s.Octaves8, s.LowFrequencyThirds8, Enum.Parse<AcousticsBasis>(s.Basis), s.Source);
    }
}
