using VeSiting.Core.Synthetic;
using VeSiting.Data.Exports;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting synth dwellings</c>: the deterministic synthetic national dwelling set, as CSV (labelled synthetic).</summary>
public sealed class SynthDwellingsCommand(CliConsole console, DataContext data) : AsyncCommand<SynthDwellingsCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandOption("--count <N>")]
        [Description("Total dwellings (default: population / 2.13 persons per dwelling ≈ 2.8 million).")]
        public int? Count { get; init; }

        [CommandOption("--seed <SEED>")]
        public int Seed { get; init; } = 42;

        [CommandOption("-o|--output <FILE>")]
        [Description("CSV file to write (default: standard output).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Count is < 1)
            throw new UsageException($"--count: {settings.Count} must be positive");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (xs, ys, codes) = SyntheticDwellings.Generate(await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken),
            await store.ListPopulationAsync(cancellationToken), settings.Seed, total: settings.Count);
        await using var writer = settings.Output is null ? TextWriter.Synchronized(console.Output) : new StreamWriter(settings.Output);
        await using (var csv = CsvOutput.Writer(writer, leaveOpen: true))
        {
            csv.WriteFields("id", "municipality_code", "e", "n", "synthetic");
            await csv.NextRecordAsync();
            for (var i = 0; i < xs.Length; i++)
            {
                csv.WriteFields(string.Create(CultureInfo.InvariantCulture, $"{SyntheticDwellings.IdPrefix}{settings.Seed}:{i}"), codes[i].ToString("D4", CultureInfo.InvariantCulture),
                    xs[i].ToString("0.00", CultureInfo.InvariantCulture), ys[i].ToString("0.00", CultureInfo.InvariantCulture), "true");
                await csv.NextRecordAsync();
            }
        }
        console.Status.WriteLine($"{xs.Length} synthetic dwellings (seed {settings.Seed}, {SyntheticDwellings.PersonsPerDwelling} persons per dwelling) — synthetic, not real addresses");
        return ExitCodes.Ok;
    }
}
