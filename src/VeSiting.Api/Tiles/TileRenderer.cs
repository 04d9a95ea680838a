using VeSiting.Api.Hosting;
using VeSiting.Core.Stores;

namespace VeSiting.Api.Tiles;

/// <summary>
/// Makes a tile of any source: outside the layer's zooms an empty one; a vector tile the store encodes itself
/// (PostGIS: ST_AsMVT) or the source encodes itself is taken as it comes; otherwise the source's features are drawn
/// (PNG) or encoded (MVT: points by the point writer, anything else by the general encoder).
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
        return layer.Geometry == TileLayer.Points && layer.VectorLayers.Count == 1
            ? PointTileEncoder.Encode(tile, layer.VectorLayers[0], features, request.MaxFeatures)
            : MvtEncoder.Encode(tile, features, request.MaxFeatures);
    }
}
