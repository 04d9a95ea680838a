using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using VeSiting.Cli.Infrastructure;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting synth addresses</c>: a synthetic national address file in DAWA's <c>adgangsadresser</c> CSV layout, for
/// measuring national-scale loads. Positions follow the synthetic dwellings (population-weighted within municipalities);
/// streets, numbers and ids are made up and say so (street "Syntetisk vej …", ids "synthetic-…").
/// </summary>
public sealed class SynthAddressesCommand(CliConsole console, DataContext data) : AsyncCommand<SynthAddressesCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandOption("--count <N>")]
        [Description("Access addresses to write (default 2,500,000, about the national count).")]
        public int Count { get; init; } = 2_500_000;

        [CommandOption("--seed <SEED>")]
        public int Seed { get; init; } = 42;

        [CommandOption("-o|--output <FILE>")]
        [Description("CSV file to write.")]
        public string Output { get; init; } = "";
    }

    private const string Header = "id,status,vejkode,vejnavn,husnr,supplerendebynavn,postnr,postnrnavn,kommunekode,kommunenavn,"
        + "etrs89koordinat_øst,etrs89koordinat_nord,wgs84koordinat_bredde,wgs84koordinat_længde,synthetic";

    /// <summary>Addresses per synthetic street.</summary>
    private const int PerStreet = 40;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Count < 1)
            throw new UsageException($"--count: {settings.Count} must be positive");
        if (string.IsNullOrWhiteSpace(settings.Output))
            throw new UsageException("--output: the file to write is missing");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var names = municipalities.ToDictionary(m => int.Parse(m.Code, CultureInfo.InvariantCulture), m => m.Name);
        var (xs, ys, codes) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken), settings.Seed, total: settings.Count);

        await using var writer = new StreamWriter(settings.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await writer.WriteLineAsync(Header);
        var line = new StringBuilder();
        for (var i = 0; i < xs.Length; i++)
        {
            var (lon, lat) = CoordinateTransformer.Instance.Transform(xs[i], ys[i], Epsg.Utm32, Epsg.Wgs84);
            var street = i / PerStreet;
            var postCode = 1000 + codes[i] * 10 % 9000;
            line.Clear().Append(CultureInfo.InvariantCulture,
                $"synthetic-{settings.Seed}-{i},1,{street % 10000:D4},Syntetisk vej {street},{i % PerStreet + 1},,{postCode},Syntetisk {codes[i]:D4},{codes[i]:D4},{names.GetValueOrDefault(codes[i], "")},{xs[i]:0.00},{ys[i]:0.00},{lat:0.0000000},{lon:0.0000000},true");
            await writer.WriteLineAsync(line, cancellationToken);
        }
        console.Status.WriteLine($"{xs.Length} synthetic access addresses (seed {settings.Seed}) in DAWA's adgangsadresser layout written to {settings.Output} — synthetic, not real addresses");
        return ExitCodes.Ok;
    }
}
