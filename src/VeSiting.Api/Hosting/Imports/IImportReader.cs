using VeSiting.Data.Sources;

namespace VeSiting.Api.Hosting.Imports;

/// <summary>An import's first stage: fetch every source (checksums verified) and read it into a data set.</summary>
public interface IImportReader
{
    /// <summary>Reads the editions in use, or those of <paramref name="manifest"/>.</summary>
    Task<DataSet> ReadAsync(SourceManifest? manifest, IProgress<FetchProgress> progress, CancellationToken cancellationToken);
}

/// <summary>Reads the configured sources from the mirrors and the cache, as the service reads them at start.</summary>
public sealed class SourceImportReader(StoreHost stores) : IImportReader
{
    public Task<DataSet> ReadAsync(SourceManifest? manifest, IProgress<FetchProgress> progress, CancellationToken cancellationToken) =>
        stores.LoadDataSetAsync(progress, cancellationToken, manifest);
}
