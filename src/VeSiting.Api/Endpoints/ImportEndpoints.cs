using VeSiting.Api.Hosting.Imports;
using VeSiting.Api.Hosting.Security;

namespace VeSiting.Api.Endpoints;

/// <summary>Imports started over HTTP (API key required) and their progress.</summary>
public static class ImportEndpoints
{
    public static void MapImports(this WebApplication app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Data");
        group.MapPost("/", Start).AnswersJson(StatusCodes.Status202Accepted).RequireApiKey()
            .WithSummary("Fetch every source again and import it, or import an uploaded file as a source's new edition (API key required)")
            .WithDescription("Without a body: fetch and import every source. With a file (multipart field 'file' plus 'source', or the raw body with ?source=ID&name=FILE): the file is checked with the source's importer and, once the store has switched to it, becomes the source's current edition (as `vesiting data add`). Answers 202 with the import's address at once; the import runs in the background. Embedded engine: the new data is indexed and served when complete. PostGIS: copied in one transaction. If anything fails, the previous data version keeps serving and the import's error names file, sheet, row and column. 409 while another import runs.");
        group.MapGet("/", async (ImportJobs jobs, CancellationToken cancellationToken) => Results.Ok((await jobs.ListAsync(cancellationToken)).Select(Answer))).AnswersJson()
            .WithSummary("The latest imports (on PostGIS: started through any instance)");
        group.MapGet("/{id}", async (ImportJobs jobs, string id, CancellationToken cancellationToken) => await jobs.FindAsync(id, cancellationToken) is { } job ? Results.Ok(Answer(job))
            : ProblemHandling.NotFound("id", Reason.Of("import.no-import", ("value", $"'{id}'")))).AnswersJson().WithSummary("One import: stage, rows, data version, error");
    }

    private static async Task<IResult> Start(HttpRequest request, ImportJobs jobs, ServiceData data, IOptions<VeSitingOptions> options, CancellationToken cancellationToken)
    {
        var upload = ImportUpload.IsUpload(request) ? await ImportUpload.ReceiveAsync(request, data, options.Value, cancellationToken) : null;
        var job = await jobs.TryStartAsync(upload, cancellationToken);
        if (job is null)
            upload?.Dispose();
        return job is null
            ? ProblemHandling.Problem(StatusCodes.Status409Conflict, "Conflict", null, "an import is already running; try again when it has finished")
            : Results.Accepted($"/api/imports/{job.Id}", Answer(job.Snapshot()));
    }

    private static object Answer(ImportJobRecord job) => new
    {
        id = job.Id,
        store = job.Store,
        source = job.AddedSource,
        file = job.AddedFile,
        stage = job.Stage,
        startedAt = job.StartedAt,
        finishedAt = job.FinishedAt,
        previousVersion = job.PreviousVersion,
        dataVersion = job.DataVersion,
        error = job.Error,
        progress = job.Progress.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value),
    };
}
