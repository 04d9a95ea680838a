using System.Text;
using VeSiting.Core.Spatial;
using VeSiting.Core.Synthetic;
using VeSiting.Data.Exports;

namespace VeSiting.Cli.Commands;

/// <summary>
/// <c>vesiting synth addresses</c>: a synthetic national address file in DAWA's <c>adgangsadresser</c> CSV layout, for
/// measuring national-scale loads. Positions follow the synthetic dwellings (population-weighted within municipalities);
/// streets, numbers and ids are made up and say so (street "Syntetisk vej …", ids "synthetic-…"). With <c>--units</c>
/// it writes DAWA's unit addresses (<c>adresser</c>: one row per dwelling or business unit, with <c>etage</c>, <c>dør</c>
/// and <c>adgangsadresseid</c>) instead: every access address has one unit, and every 25th is a block holding the rest.
/// </summary>
public sealed class SynthAddressesCommand(CliConsole console, DataContext data) : AsyncCommand<SynthAddressesCommand.Settings>
{
    public sealed class Settings : QuerySettings
    {
        [CommandOption("--count <N>")]
        [Description("Access addresses to write (default 2,500,000, about the national count).")]
        public int Count { get; init; } = 2_500_000;

        [CommandOption("--units <N>")]
        [Description("Write DAWA's unit-address layout (adresser) with N unit addresses over the access addresses (at least --count).")]
        public int? Units { get; init; }

        [CommandOption("--seed <SEED>")]
        public int Seed { get; init; } = 42;

        [CommandOption("-o|--output <FILE>")]
        [Description("CSV file to write.")]
        public string Output { get; init; } = "";
    }

    private static readonly string[] Header = ["id", "status", "vejkode", "vejnavn", "husnr", "supplerendebynavn", "postnr", "postnrnavn", "kommunekode", "kommunenavn",
        "etrs89koordinat_øst", "etrs89koordinat_nord", "wgs84koordinat_bredde", "wgs84koordinat_længde", "synthetic"];

    private static readonly string[] UnitHeader = ["id", "status", "oprettet", "ændret", "vejkode", "vejnavn", "adresseringsvejnavn", "husnr", "etage", "dør",
        "supplerendebynavn", "postnr", "postnrnavn", "kommunekode", "kommunenavn", "adgangsadresseid", "kvhx", "etrs89koordinat_øst", "etrs89koordinat_nord",
        "wgs84koordinat_bredde", "wgs84koordinat_længde", "synthetic"];

    /// <summary>Every this many access addresses one is a block of flats holding the units beyond one per address.</summary>
    private const int BlockEvery = 25;

    /// <summary>Addresses per synthetic street.</summary>
    private const int PerStreet = 40;

    private static string I(FormattableString value) => FormattableString.Invariant(value);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Count < 1)
            throw new UsageException($"--count: {settings.Count} must be positive");
        if (string.IsNullOrWhiteSpace(settings.Output))
            throw new UsageException("--output: the file to write is missing");
        if (settings.Units is { } requested && requested < settings.Count)
            throw new UsageException($"--units: {requested} must be at least --count ({settings.Count}): every access address has a unit");
        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var municipalities = await store.ListAreasAsync(AdminAreaKind.Municipality, cancellationToken);
        var names = municipalities.ToDictionary(m => int.Parse(m.Code, CultureInfo.InvariantCulture), m => m.Name);
        var (xs, ys, codes) = SyntheticDwellings.Generate(municipalities, await store.ListPopulationAsync(cancellationToken), settings.Seed, total: settings.Count);

        await using var writer = new StreamWriter(settings.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await using (var csv = CsvOutput.Writer(writer, leaveOpen: true))
        {
            csv.WriteFields(settings.Units is null ? Header : UnitHeader);
            await csv.NextRecordAsync();
            var blocks = (xs.Length + BlockEvery - 1) / BlockEvery;
            var extra = (settings.Units ?? xs.Length) - xs.Length;
            for (var i = 0; i < xs.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (lon, lat) = CoordinateTransformer.Instance.Transform(xs[i], ys[i], Epsg.Utm32, Epsg.Wgs84);
                var street = i / PerStreet;
                var postCode = 1000 + codes[i] * 10 % 9000;
                var code = codes[i].ToString("D4", CultureInfo.InvariantCulture);
                var id = I($"synthetic-{settings.Seed}-{i}");
                var municipalityName = names.GetValueOrDefault(codes[i], "");
                if (settings.Units is null)
                {
                    csv.WriteFields(id, "1", I($"{street % 10000:D4}"), I($"Syntetisk vej {street}"), I($"{i % PerStreet + 1}"), "",
                        I($"{postCode}"), $"Syntetisk {code}", code, municipalityName, I($"{xs[i]:0.00}"), I($"{ys[i]:0.00}"), I($"{lat:0.0000000}"), I($"{lon:0.0000000}"), "true");
                    await csv.NextRecordAsync();
                    continue;
                }
                var block = i / BlockEvery;
                var units = 1 + (i % BlockEvery == 0 ? extra / blocks + (block < extra % blocks ? 1 : 0) : 0);
                for (var k = 0; k < units; k++)
                {
                    var (floor, door) = units == 1 ? ("", "") : ((k / 2).ToString(CultureInfo.InvariantCulture), k % 2 == 0 ? "tv" : "th");
                    csv.WriteFields(I($"{id}-{k}"), "1", "2020-01-01T00:00:00.000", "2020-01-01T00:00:00.000", I($"{street % 10000:D4}"), I($"Syntetisk vej {street}"),
                        I($"Syntetisk vej {street}"), I($"{i % PerStreet + 1}"), floor, door, "", I($"{postCode}"), $"Syntetisk {code}", code, municipalityName, id,
                        I($"{code}{street % 10000:D4}{i % PerStreet + 1:D4}{floor}{door}"), I($"{xs[i]:0.00}"), I($"{ys[i]:0.00}"), I($"{lat:0.0000000}"), I($"{lon:0.0000000}"), "true");
                    await csv.NextRecordAsync();
                }
            }
        }
        var layout = settings.Units is { } written ? $"{written} unit addresses over {xs.Length} access addresses (seed {settings.Seed}) in DAWA's adresser layout" : $"{xs.Length} synthetic access addresses (seed {settings.Seed}) in DAWA's adgangsadresser layout";
        console.Status.WriteLine($"{layout} written to {settings.Output} — synthetic, not real addresses");
        return ExitCodes.Ok;
    }
}
