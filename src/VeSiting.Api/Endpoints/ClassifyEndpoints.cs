using VeSiting.Data.Exports;

namespace VeSiting.Api.Endpoints;

/// <summary>Batch classification: every dwelling's nearest covered plant and scheme ring, as streamed CSV or a GeoPackage.</summary>
public static class ClassifyEndpoints
{
    public static void MapClassify(this WebApplication app) =>
        app.MapGet("/api/classify", Classify).AnswersFile("text/csv").WithTags("Assessments")
            .WithSummary("Every dwelling's nearest covered plant and scheme ring, streamed as CSV or as a GeoPackage")
            .WithDescription("`municipality` (code) narrows to one municipality; `synthetic=true` classifies the synthetic national set (≈ 2.8 million, labelled synthetic); `format` = csv (default, streamed) or gpkg (written to a temporary file row by row, then sent). "
                + $"The `{CoverageHeader}` header says when the loaded address data does not cover the municipalities classified (absent when it covers them), the `{HouseholdsHeader}` header which household basis the rows rest on; a GeoPackage's description says both. Example: `/api/classify?municipality=326&format=gpkg`.")
            .RequireRateLimiting(ServiceSetup.ExpensivePolicy).AsHeavyWork(timeLimited: false);

    public const string CoverageHeader = "VeSiting-Address-Coverage";
    public const string HouseholdsHeader = "VeSiting-Household-Basis";

    private static async Task Classify(HttpContext http, ServiceData data, int? municipality, bool? synthetic, string? format, CancellationToken cancellationToken)
    {
        var geoPackage = (format ?? "csv").ToLowerInvariant() switch
        {
            "csv" => false,
            "gpkg" => true,
            _ => throw RefusalProblems.Invalid("format", Reason.Of("question.not-one-of", ("value", $"'{format}'"), ("choices", "csv, gpkg"))),
        };
        var store = data.Store;
        var context = data.Context();
        var classifier = new DwellingClassifier(await store.ListPlantsAsync(PlantFilter.Any, cancellationToken), data.Rules.Rules, context.Today);
        var selection = await DwellingsToClassify.LoadAsync(store, synthetic == true, municipality, null, cancellationToken);
        var dwellings = selection.Dwellings;
        if (selection.CoverageStatement is { } thin)
            http.Response.Headers[CoverageHeader] = HeaderText.Ascii(thin);
        http.Response.Headers[HouseholdsHeader] = HeaderText.Ascii(selection.HouseholdBasis);
        if (geoPackage)
        {
            var description = $"Nearest covered plant and scheme ring of every {(synthetic == true ? "synthetic " : "")}dwelling; data {store.Version.Id}; households: {selection.HouseholdBasis}"
                + (selection.CoverageStatement is { } statement ? $"; {statement}" : "");
            await SendGeoPackageAsync(http, classifier.Classify(dwellings), synthetic == true, description, cancellationToken);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=dwellings.csv";
        await using var writer = new StreamWriter(http.Response.Body, bufferSize: 1 << 16);
        await using var csv = CsvOutput.Writer(writer);
        ClassificationExport.WriteCsvHeader(csv, synthetic == true);
        await csv.NextRecordAsync();
        foreach (var d in classifier.Classify(dwellings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ClassificationExport.WriteCsvRow(csv, d, synthetic == true);
            await csv.NextRecordAsync();
        }
    }

    /// <summary>A GeoPackage is a database file, not a stream: rows go to a temporary file (bounded memory), which is then sent and deleted.</summary>
    private static async Task SendGeoPackageAsync(HttpContext http, IEnumerable<ClassifiedDwelling> dwellings, bool synthetic, string description, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vesiting-classify-{Guid.NewGuid():N}.gpkg");
        try
        {
            await Task.Run(() => ClassificationExport.WriteGeoPackage(path, dwellings.Select(d =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return d;
            }), synthetic, description), cancellationToken);
            http.Response.ContentType = "application/geopackage+sqlite3";
            http.Response.Headers.ContentDisposition = "attachment; filename=dwellings.gpkg";
            http.Response.ContentLength = new FileInfo(path).Length;
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await file.CopyToAsync(http.Response.Body, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
