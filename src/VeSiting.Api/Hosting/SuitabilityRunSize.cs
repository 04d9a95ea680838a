namespace VeSiting.Api.Hosting;

/// <summary>
/// An estimate of the memory a cached siting run holds: its raster's arrays exactly (a float per cell and criterion,
/// a double score and a status byte per cell), and the inputs' dwellings and plants at <see cref="BytesPerItem"/> each.
/// </summary>
public static class SuitabilityRunSize
{
    /// <summary>A dwelling or plant record with its point and strings, as measured roughly on the heap (an over-estimate where a store shares them).</summary>
    public const long BytesPerItem = 256;

    public static long Bytes(SuitabilityRun run)
    {
        var raster = run.Raster;
        var bytes = raster.Score.LongLength * sizeof(double) + raster.Status.LongLength;
        foreach (var band in raster.Bands)
            bytes += band.LongLength * sizeof(float);
        bytes += (run.Inputs.Dwellings.Count + run.Inputs.Plants.Count + run.Inputs.DistrictHeating.Count) * BytesPerItem;
        return bytes;
    }
}
