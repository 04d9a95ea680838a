namespace VeSiting.Api.Tiles;

/// <summary>
/// Makes a tile of any source: outside the layer's zooms an empty one; a vector tile the store encodes itself
/// (PostGIS: ST_AsMVT) or the source encodes itself is taken as it comes; otherwise the source's features are drawn
/// (PNG, styled by the layer's legend and style) or encoded (MVT, by the one writer).
/// </summary>
public sealed class TileRenderer(ServiceData data)
{
    public async Task<byte[]> RenderAsync(ITileSource source, TileRequest request, bool png, CancellationToken cancellationToken)
    {
        var (layer, tile) = (source.Layer, request.Tile);
        if (tile.Z < layer.MinZoom || tile.Z > layer.MaxZoom)
            return png ? PngRenderer.Render(tile, layer, []) : [];
        if (!png && data.Store is IVectorTileStore store && store.ProducesLayer(layer.Id))
            return await store.VectorTileAsync(layer.Id, tile.Z, tile.X, tile.Y, cancellationToken);
        if (source is ISelfEncodingTileSource self)
            return png ? await self.PngAsync(request, cancellationToken) : await self.VectorTileAsync(request, cancellationToken);
        if (request.Utm32Area.IsEmpty)
            return png ? PngRenderer.Render(tile, layer, []) : [];
        var features = await source.FeaturesAsync(request, cancellationToken);
        if (png)
            return PngRenderer.Render(tile, layer, features.Take(request.MaxFeatures));
        return MvtEncoder.Encode(tile, layer, features, request.MaxFeatures);
    }
}
