using System.Diagnostics;
using VeSiting.Data.Sources;

namespace VeSiting.Cli.Tests;

public sealed class SyntheticDwellingsCommandTests
{
    /// <summary>Runs `vesiting synth dwellings` in a process of its own and returns what it wrote.</summary>
    private static async Task<string> SynthInOwnProcessAsync(int seed)
    {
        var output = Path.Combine(Path.GetTempPath(), $"vesiting-synth-{Guid.NewGuid():N}.csv");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectLayout.Locate().Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(CliApp).Assembly.Location, "synth", "dwellings", "--count", "3000", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        try
        {
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_dwellings_in_separate_processes_and_another_seed_does_not()
    {
        // Separate processes: .NET randomises string and HashCode hashing per process, which once leaked into the seeds.
        var first = await SynthInOwnProcessAsync(42);
        var second = await SynthInOwnProcessAsync(42);
        var other = await SynthInOwnProcessAsync(43);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, 2990, 3010);
    }
}
