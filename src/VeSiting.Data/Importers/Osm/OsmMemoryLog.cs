using System.Diagnostics;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// With the environment variable <c>VESITING_MEMORY_LOG</c> set, one line on standard error at each step of reading an
/// OpenStreetMap file: the managed heap (live after the last collection and all in use) and the process's resident and
/// peak resident memory. For measuring where the memory of a national file goes; silent otherwise.
/// </summary>
internal static class OsmMemoryLog
{
    private static readonly bool On = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VESITING_MEMORY_LOG"));
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Step(string step)
    {
        if (!On)
            return;
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(
            $"memory {Clock.Elapsed.TotalSeconds,7:F1} s {step}: managed {GC.GetTotalMemory(false) / 1e6:N0} MB (heap {info.HeapSizeBytes / 1e6:N0} MB, " +
            $"committed {info.TotalCommittedBytes / 1e6:N0} MB), RSS {process.WorkingSet64 / 1e6:N0} MB, peak RSS {process.PeakWorkingSet64 / 1e6:N0} MB");
    }
}
