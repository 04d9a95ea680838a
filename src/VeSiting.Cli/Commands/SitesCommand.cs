using VeSiting.Core.Explanations;
using VeSiting.Core.Suitability;
using VeSiting.Data.Exports;
using VeSiting.Data.Sources;
using VeSiting.Data.Suitability;

namespace VeSiting.Cli.Commands;

/// <summary><c>vesiting sites</c>: ranked sites for spin-off industry by a profile, over a grid or the user's candidates.</summary>
public sealed class SitesCommand(CliConsole console, DataContext data, ResultRenderer renderer) : AsyncCommand<SitesCommand.Settings>
{
    public sealed class Settings : AssessSettings
    {
        [CommandOption("-p|--profile <ID>")]
        [Description("greenhouse, ptx-oxygen, precision-fermentation, data-centre, or one of yours (--profiles DIR).")]
        public string Profile { get; init; } = "greenhouse";

        [CommandOption("--profile-file <FILE>")]
        [Description("A profile JSON file of your own (schema: geodata/schemas/siting-profile.schema.json).")]
        public string? ProfileFile { get; init; }

        [CommandOption("--profiles <DIR>")]
        [Description("A folder of your own profiles.")]
        public string[] ProfileFolders { get; init; } = [];

        [CommandOption("--area <AREA>")]
        [Description("denmark, municipality:CODE or region:CODE (default denmark).")]
        public string Area { get; init; } = "denmark";

        [CommandOption("--cell <METRES>")]
        [Description("Grid cell size in metres (default 1000; 100 to 50000).")]
        public string? Cell { get; init; }

        [CommandOption("--candidates <FILE>")]
        [Description("Your own candidate sites instead of a grid: GeoJSON points or parcels, or CSV with lon,lat or e,n.")]
        public string? Candidates { get; init; }

        [CommandOption("--points <NAME=FILE>")]
        [Description("A layer of your own for points-distance / points-count criteria, e.g. education=schools.csv; with a tonnes_per_year (or value) column also for oxygen-demand, e.g. oxygen-users=o2.csv; GeoJSON polygons also for farmland, e.g. farmland=fields.geojson (repeatable).")]
        public string[] Points { get; init; } = [];

        [CommandOption("--regional <NAME=FILE>")]
        [Description("Figures per municipality, landsdel or region (CSV municipality_code,value, landsdel_code,value (NUTS 3, DK011 … DK050) and/or region_code,value) for regional-figure criteria, e.g. state-jobs=jobs.csv (repeatable).")]
        public string[] Regional { get; init; } = [];

        [CommandOption("--limit <N>")]
        [Description("Rows to show (default 20 for tables, all for CSV/JSON/GeoJSON).")]
        public int? Limit { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("With --format geotiff: the GeoTIFF to write (score band, then one band per criterion; EPSG:25832); with --format gpkg: the GeoPackage (the sites with their places' outlines).")]
        public string? Output { get; init; }

        [CommandOption("--separation <METRES>")]
        [Description("Sites are places: their best cells at least this far apart (default 2000; 0 to 100000).")]
        public string? Separation { get; init; }

        [CommandOption("--tolerance <POINTS>")]
        [Description("A site's area: the contiguous cells scoring at most this many points below its best cell (default 5; 0 to 100).")]
        public string? Tolerance { get; init; }

        [CommandOption("--excluded")]
        [Description("List the excluded sites and why, after the ranked ones.")]
        public bool ShowExcluded { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var geoTiff = settings.Format.Trim().Equals("geotiff", StringComparison.OrdinalIgnoreCase);
        var geoPackage = settings.Format.Trim().Equals("gpkg", StringComparison.OrdinalIgnoreCase);
        var format = geoTiff || geoPackage ? OutputFormat.Table : settings.OutputFormat;
        var grid = SitingGridQuestion.Parse(new SitingGridText(settings.Cell, settings.Separation, settings.Tolerance)).OrExit();
        var distinct = grid.Distinct;
        if (geoTiff && settings.Output is null)
            throw new UsageException("--format geotiff needs -o FILE");
        if (geoTiff && settings.Candidates is not null)
            throw new UsageException("--format geotiff covers a grid; it cannot be used with --candidates");
        if (geoPackage && settings.Output is null)
            throw new UsageException("--format gpkg needs -o FILE");
        if (!geoTiff && !geoPackage && settings.Output is not null)
            throw new UsageException("-o is for --format geotiff or gpkg; other formats go to standard output");
        var layout = ProjectLayout.Locate();
        var loader = new SitingProfileLoader(Path.Combine(layout.Root, "geodata"));
        var profile = settings.ProfileFile is { } file ? loader.LoadFile(file)
            : loader.LoadAll(settings.ProfileFolders).TryGetValue(settings.Profile, out var p) ? p
            : throw new UsageException($"--profile: '{settings.Profile}' is not one of {string.Join(", ", loader.LoadAll(settings.ProfileFolders).Keys.Order())}");
        var layers = settings.Points.Select(Pair).ToDictionary(x => x.Name, x => (IReadOnlyList<LayerPoint>)UserLayerReader.ReadPoints(x.File).Select(q => q.ToLayerPoint()).ToList());
        var regional = settings.Regional.Select(Pair).ToDictionary(x => x.Name, x => UserLayerReader.ReadRegionalFigures(x.File));
        var candidates = settings.Candidates is { } c ? UserLayerReader.ReadPoints(c).Select(q => new Candidate(q.Id, q.Point, q.Geometry)).ToList() : null;

        var store = await data.OpenStoreAsync(settings, cancellationToken);
        var (assessment, library) = RuleContext.Create(settings, store, data.Today);
        var service = new SitingService(store, library.Rules, assessment.Prices, library.Scenarios, assessment.Today) { Landsdele = LandsdelReference.Load(Path.Combine(layout.Root, "geodata")) };
        var limit = settings.Limit ?? (format == OutputFormat.Table ? 20 : candidates is null ? 1000 : int.MaxValue);
        if (service.Check(profile) is { } refused)
            throw CliRefusals.Exception(refused);
        var area = (await service.ResolveAreaAsync(settings.Area, cancellationToken)).OrExit();
        SitingResult result;
        try
        {
            if (candidates is null)
            {
                // A grid: computed as a raster (every cell, every criterion), the best cells then explained one by one.
                var (raster, inputs, label) = await service.RasterAsync(profile, area, grid.CellM, layers, regional, cancellationToken: cancellationToken);
                if (geoTiff)
                {
                    SuitabilityGeoTiff.Write(settings.Output!, raster, cancellationToken);
                    console.Error.WriteLine(Reason.Of("cli.wrote-geotiff", ("file", settings.Output!), ("columns", raster.Grid.Columns), ("rows", raster.Grid.Rows), ("cell", raster.Grid.CellSize),
                        ("bands", 1 + raster.Criteria.Count), ("criteria", string.Join(", ", raster.Criteria.Select(c => c.Criterion)))).Rendered);
                }
                result = await service.RankedAsync(raster, inputs, label, limit, settings.ShowExcluded ? limit : 0, distinct, cancellationToken);
            }
            else
                result = await RunWithProgressAsync(service, profile, area, grid.CellM, candidates, layers, regional, cancellationToken);
        }
        catch (ArgumentException e) // the profile's criteria against the layers given
        {
            throw new UsageException(e.Message);
        }
        // CSV and GeoPackage are the service's files (the same columns: cells, area_ha, place_why, …); the table and JSON the command's.
        var listed = result.Ranked.Take(limit).Concat(settings.ShowExcluded ? result.Excluded.Take(limit) : []).ToList();
        if (geoPackage)
        {
            SitesExport.WriteGeoPackage(settings.Output!, result, listed);
            console.Error.WriteLine(Reason.Of("cli.wrote-sites", ("file", settings.Output!), ("count", listed.Count)).Rendered);
            return ExitCodes.Ok;
        }
        if (format == OutputFormat.Csv)
        {
            console.Output.Write(SitesExport.Csv(result, listed));
            console.Error.WriteLine(Reason.Of("cli.data-line", ("attribution", string.Join("; ", result.Attributions)), ("version", result.DataVersion)).Rendered);
            return ExitCodes.Ok;
        }
        renderer.Write(SitesResult(result, limit, settings.ShowExcluded), format);
        return ExitCodes.Ok;
    }

    private async Task<SitingResult> RunWithProgressAsync(SitingService service, SitingProfile profile, SitingArea area, double cellM, List<Candidate>? candidates,
        Dictionary<string, IReadOnlyList<LayerPoint>> layers, Dictionary<string, IReadOnlyDictionary<string, double>> regional, CancellationToken cancellationToken)
    {
        if (!console.Interactive)
            return await service.RunAsync(profile, area, cellM, candidates, layers, regional, cancellationToken: cancellationToken);
        SitingResult result = null!;
        await console.Status.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"scoring sites for {profile.Title}", maxValue: 1);
                result = await service.RunAsync(profile, area, cellM, candidates, layers, regional, null,
                    n => task.MaxValue = Math.Max(1, n), new Progress<int>(n => task.Value = n), cancellationToken);
                task.Value = task.MaxValue;
            });
        return result;
    }

    internal static CliResult SitesResult(SitingResult r, int limit, bool showExcluded)
    {
        var criteria = r.Profile.Criteria.Select(c => c.Criterion).Distinct().Where(c => r.Sites.Any(s => s.Values.Any(v => v.Criterion == c))).ToList();
        var units = criteria.ToDictionary(c => c, c => r.Sites.SelectMany(s => s.Values).First(v => v.Criterion == c).Unit);
        var result = new CliResult(Reason.Of("cli.sites-title", ("profile", r.Profile.Title), ("area", r.AreaReason)).Rendered,
            ["Rank", "Site", "E", "N", "Score", "Cells", "Area (ha)", .. criteria.Select(c => $"{c} ({units[c]})"), "Strongest criterion", "Place", "Excluded because"])
        {
            Attributions = r.Attributions,
            DataVersion = r.DataVersion,
        };
        result.Fact("Profile", $"{r.Profile.Id}@{r.Profile.Version}: {r.Profile.Description}" + (r.Profile.Reason is { } reason ? " " + Reason.Of("cli.sites-weights", ("weights", reason)).Rendered : ""))
            .Fact("Candidates", (r.CellSizeM is { } cell ? Reason.Of("cli.sites-cells", ("count", r.CandidateCount), ("cell", cell)) : Reason.Of("cli.sites-candidates", ("count", r.CandidateCount))).Rendered)
            .Fact("Ranked", r.RankedCount)
            .Fact("Excluded", r.ExcludedCount)
            .Fact("Sites", (r.Distinct is { } d ? Reason.Of("cli.sites-places", ("tolerance", d.Tolerance), ("separation", d.SeparationM)) : Reason.Of("cli.sites-each")).Rendered)
            .Fact("Weights", string.Join(", ", r.Profile.Criteria.Select(c => $"{c.Criterion} {MessageCatalogue.Current.Number(c.Weight, "0.##")}")))
            .Fact("Computed in (s)", Math.Round(r.Elapsed.TotalSeconds, 2))
            .Fact("Notes", r.Notes.Count == 0 ? ["none"] : r.Notes.Select(n => n.Rendered).ToList())
            .Fact("Rule sets used", r.Provenance.RuleSets.Select(x => x.ToString()).ToList());
        var rows = r.Ranked.Take(limit).Concat(showExcluded ? r.Excluded.Take(limit) : []);
        foreach (var s in rows)
        {
            var c = s.Candidate.Position;
            var strongest = s.Values.MaxBy(v => v.Contribution);
            var cells = new List<object?> { s.Rank, s.Candidate.Id, Math.Round(c.X, 1), Math.Round(c.Y, 1), s.Score is { } score ? Math.Round(score, 2) : null,
                s.Place?.Cells, s.Place is { } place ? Math.Round(place.AreaHa, 2) : null };
            cells.AddRange(criteria.Select(name => s.Values.FirstOrDefault(v => v.Criterion == name)?.Value is { } v ? (object)Math.Round(v, 3) : null));
            cells.Add(strongest is null ? null : $"{strongest.Criterion} +{MessageCatalogue.Current.Number(strongest.Contribution, "0.#")}: {strongest.Why.Rendered}");
            cells.Add(s.Place?.Why.Rendered);
            cells.Add(s.ExcludedBecause?.Rendered);
            result.Row(s.Place?.Outline ?? s.Candidate.Area ?? s.Candidate.Position, [.. cells]);
        }
        return result;
    }

    private static (string Name, string File) Pair(string text)
    {
        var parts = text.Split('=', 2);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1])
            : throw new UsageException($"'{text}' is not NAME=FILE");
    }
}
