namespace VeSiting.Api.Tiles.Sources;

/// <summary>
/// Spin-off suitability from the cached siting raster of a profile, area and cell size: vector tiles of scored cells
/// (blocks of cells at low zooms) and PNG tiles sampled per pixel, both written straight from the raster's arrays.
/// </summary>
public sealed class SuitabilityTiles(SuitabilityResults suitability) : ISelfEncodingTileSource
{
    public TileLayer Layer { get; } = new("suitability", "Spin-off suitability", "Sites scored by a siting profile (?profile=, ?area=, ?cell=; default greenhouse over Denmark at 1 km).", 5, 20, TileLayer.Polygons,
        ["scenario", "profile", "area", "cell"], "class",
        [VectorLayerSchema.Of(SuitabilityVectorTile.VectorLayer, ("id", TileFieldType.String), ("class", TileFieldType.String), ("excluded_because", TileFieldType.String), ("score", TileFieldType.Number), ("cells", TileFieldType.Integer))],
        [new("80", "#1a9641", "score 80–100"), new("60", "#a6d96a", "score 60–80"), new("40", "#ffffbf", "score 40–60"), new("20", "#fdae61", "score 20–40"),
         new("0", "#d7191c", "score 0–20"), new("excluded", "#7b3294", "excluded (why: click)")]);

    public void Check(TileParameters parameters) => _ = suitability.Profile(parameters.Profile ?? "greenhouse");

    private Task<SuitabilityRun> RunAsync(TileRequest request, CancellationToken cancellationToken) =>
        suitability.GetAsync(request.Parameters.Profile ?? "greenhouse", request.Parameters.Area ?? "denmark", request.Parameters.Cell ?? 1000, cancellationToken);

    public async Task<byte[]> VectorTileAsync(TileRequest request, CancellationToken cancellationToken) =>
        SuitabilityVectorTile.Encode((await RunAsync(request, cancellationToken)).Raster, request.Tile, request.MaxFeatures);

    public async Task<byte[]> PngAsync(TileRequest request, CancellationToken cancellationToken) =>
        SuitabilityPng.Render((await RunAsync(request, cancellationToken)).Raster, request.Tile, Layer);

    /// <summary>The blocks as EPSG:25832 squares, for any other use of the layer's features (the tiles are written straight from the raster).</summary>
    public async Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken)
    {
        var raster = (await RunAsync(request, cancellationToken)).Raster;
        var grid = raster.Grid;
        var (minE, minN, maxE, maxN) = request.Tile.Utm32Box();
        var factory = GeometryTransforms.FactoryFor(Epsg.Utm32);
        var features = new List<TileFeature>();
        foreach (var block in SuitabilityBlocks.In(raster, minE, minN, maxE, maxN, request.MaxFeatures, 2 * request.Tile.MetresPerPixel))
        {
            var west = grid.West + block.Column * grid.CellSize;
            var north = grid.North - block.Row * grid.CellSize;
            var size = block.Step * grid.CellSize;
            var square = factory.ToGeometry(new Envelope(west, Math.Min(west + size, grid.West + grid.Columns * grid.CellSize), Math.Max(north - size, grid.South), north));
            var attributes = TileAttributes.Of(("id", grid.CellId((int)(block.Cell % grid.Columns), (int)(block.Cell / grid.Columns))),
                ("class", block.Excluded ? "excluded" : $"{SuitabilityBlocks.ClassOf(block.Best)}"),
                ("excluded_because", block.Excluded ? raster.Reason(block.Cell)?.Text ?? "excluded" : null),
                ("score", block.Excluded ? null : Math.Round(block.Best, 2)),
                ("cells", block.Step > 1 ? block.Step * block.Step : null));
            features.Add(new(SuitabilityVectorTile.VectorLayer, square, attributes));
        }
        return features;
    }
}
