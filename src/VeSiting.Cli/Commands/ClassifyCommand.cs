using System.Diagnostics;
using VeSiting.Core.Explanations;
using VeSiting.Data.Exports;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting classify</c>: every dwelling's nearest covered plant and ring, streamed as CSV with bounded memory.</summary>
public sealed class ClassifyCommand(CliConsole console, DataContext data) : AsyncCommand<ClassifyCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("--synthetic")]
        [Description("Classify the synthetic national dwelling set (≈ 2.8 million, labelled synthetic) instead of the address data.")]
        public bool Synthetic { get; init; }

        [CommandOption("--count <N>")]
        public int? Count { get; init; }

        [CommandOption("--municipality <CODE>")]
        [Description("Only dwellings with this municipality code.")]
        public int? Municipality { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("CSV file, or a GeoPackage if the name ends in .gpkg (default: CSV on standard output).")]
        public string? Output { get; init; }

        public bool GeoPackage => Output?.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) == true;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, library) = RuleContext.Create(settings, store, data.Today);
        var plants = await store.ListPlantsAsync(Core.Stores.PlantFilter.Any, cancellationToken);
        var classifier = new DwellingClassifier(plants, library.Rules, assessment.Today);

        var selection = await DwellingsToClassify.LoadAsync(store, settings.Synthetic, settings.Municipality, settings.Count, cancellationToken);
        var (dwellings, total) = selection;

        var clock = Stopwatch.StartNew();
        long written;
        if (settings.GeoPackage)
        {
            if (File.Exists(settings.Output))
                File.Delete(settings.Output!);
            var description = Reason.Of(settings.Synthetic ? "export.classification-synthetic" : "export.classification", ("version", store.Version.Id)).Rendered;
            written = WithProgress(settings, total, progress => ClassificationExport.WriteGeoPackage(settings.Output!, classifier.Classify(dwellings, progress: progress), settings.Synthetic, description));
        }
        else
        {
            await using var writer = settings.Output is null ? console.Output : new StreamWriter(settings.Output);
            await using (var csv = CsvOutput.Writer(writer, leaveOpen: true))
            {
                ClassificationExport.WriteCsvHeader(csv, settings.Synthetic);
                csv.NextRecord();
                written = WithProgress(settings, total, progress =>
                {
                    long rows = 0;
                    foreach (var d in classifier.Classify(dwellings, progress: progress))
                    {
                        ClassificationExport.WriteCsvRow(csv, d, settings.Synthetic);
                        csv.NextRecord();
                        rows++;
                    }
                    return rows;
                });
            }
            await writer.FlushAsync(cancellationToken);
        }
        if (selection.CoverageReason is { } thin)
            console.Status.MarkupLineInterpolated($"[yellow]{thin.Rendered}[/]");
        console.Status.MarkupLineInterpolated($"[grey]{Reason.Of("cli.classify-households", ("basis", selection.HouseholdReason)).Rendered}[/]");
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
        console.Status.MarkupLineInterpolated($"[grey]{Reason.Of(settings.Synthetic ? "cli.classified-synthetic" : "cli.classified", ("dwellings", written), ("plants", classifier.CoveredPlants),
            ("seconds", clock.Elapsed.TotalSeconds), ("peak", peak)).Rendered}[/]");
        return ExitCodes.Ok;
    }

    /// <summary>Runs the export under a progress bar when a person is watching and the rows go to a file.</summary>
    private long WithProgress(Settings settings, long total, Func<IProgress<long>?, long> export)
    {
        if (!console.Interactive || settings.Output is null)
            return export(null);
        long written = 0;
        console.Status.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("classifying dwellings", maxValue: Math.Max(1, total));
                written = export(new Progress<long>(n => task.Value = n));
            });
        return written;
    }
}
