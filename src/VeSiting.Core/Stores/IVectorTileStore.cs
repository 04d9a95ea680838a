namespace VeSiting.Core.Stores;

/// <summary>
/// An optional ability of a store: encoding Mapbox vector tiles itself (PostGIS with ST_AsMVT). Layers a store
/// does not produce are built from its query answers instead; both ways give the same features.
/// </summary>
public interface IVectorTileStore
{
    bool ProducesLayer(string layer);

    /// <summary>The tile z/x/y (web mercator, 4096 extent) of a layer the store produces.</summary>
    Task<byte[]> VectorTileAsync(string layer, int z, int x, int y, CancellationToken cancellationToken = default);
}
