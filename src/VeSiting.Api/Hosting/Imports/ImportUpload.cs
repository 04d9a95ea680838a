using Microsoft.AspNetCore.Http.Features;

namespace VeSiting.Api.Hosting.Imports;

/// <summary>
/// A source file uploaded to <c>POST /api/imports</c> (multipart field <c>file</c> with field or query <c>source</c>, or
/// the raw body with <c>?source=</c> and optional <c>?name=</c>), saved to a temporary file in the state folder.
/// </summary>
public sealed record ImportUpload(string SourceId, string TemporaryPath, string OriginalName) : IDisposable
{
    public static bool IsUpload(HttpRequest request) =>
        request.HasFormContentType || request.ContentLength > 0 || request.Query.ContainsKey("source");

    public static async Task<ImportUpload> ReceiveAsync(HttpRequest request, ServiceData data, VeSitingOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > options.MaxUploadBytes)
            throw new ProblemException("file", Reason.Of("upload.too-large", ("length", length), ("max", options.MaxUploadBytes)), StatusCodes.Status413PayloadTooLarge);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxUploadBytes;

        if (!request.HasFormContentType)
            CheckSource(request.Query["source"], data); // a raw body names its source up front: refuse before reading it
        var folder = Path.Combine(data.StateDirectory(Data.Sources.ProjectLayout.Locate()), "uploads");
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, Guid.NewGuid().ToString("n") + ".upload");
        try
        {
            string? source = request.Query["source"];
            string? name = request.Query["name"];
            if (request.HasFormContentType)
            {
                request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = options.MaxUploadBytes }));
                var form = await request.ReadFormAsync(cancellationToken);
                source = form["source"].FirstOrDefault() is { Length: > 0 } fromForm ? fromForm : source;
                var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                    ?? throw RefusalProblems.Invalid("file", Reason.Of("upload.no-file"));
                name = file.FileName is { Length: > 0 } fileName ? fileName : name;
                await using var output = File.Create(temporary);
                await file.CopyToAsync(output, cancellationToken);
            }
            else
            {
                await using var output = File.Create(temporary);
                await request.Body.CopyToAsync(output, cancellationToken);
            }
            CheckSource(source, data);
            if (new FileInfo(temporary).Length == 0)
                throw RefusalProblems.Invalid("file", Reason.Of("upload.empty"));
            return new ImportUpload(source!, temporary, string.IsNullOrWhiteSpace(name) ? $"{source}-upload" : name);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void CheckSource(string? source, ServiceData data)
    {
        if (string.IsNullOrWhiteSpace(source))
            throw RefusalProblems.Invalid("source", Reason.Of("upload.no-source"));
        var known = data.Editions().AddableIds;
        if (!known.Contains(source))
            throw RefusalProblems.Invalid("source", Reason.Of("upload.not-source", ("value", $"'{source}'"), ("sources", string.Join(", ", known))));
    }

    public void Dispose()
    {
        if (File.Exists(TemporaryPath))
            File.Delete(TemporaryPath);
    }
}
