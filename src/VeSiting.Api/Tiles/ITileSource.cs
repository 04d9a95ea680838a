using NetTopologySuite.Features;
using VeSiting.Core.Tariffs;
using VeSiting.Core.Tiles;

namespace VeSiting.Api.Tiles;

/// <summary>The query of a tile request: the tariff scenario, and the siting profile, area and cell of suitability tiles.</summary>
public sealed record TileParameters(string? Scenario, string? Profile, string? Area, double? Cell);

/// <summary>One tile to make: where, with which parameters (the scenario already resolved), at most how many features.</summary>
public sealed record TileRequest(MercatorTile Tile, TileParameters Parameters, TariffScenario Scenario, int MaxFeatures)
{
    private Geometry? _area;

    /// <summary>The tile and its buffer in EPSG:25832 (empty outside Denmark).</summary>
    public Geometry Utm32Area => _area ??= Tile.Utm32Area();
}

/// <summary>A feature of a tile in EPSG:25832, not clipped, in the named MVT layer.</summary>
public readonly record struct TileFeature(string VectorLayer, Geometry Utm32, IAttributesTable Attributes);

/// <summary>
/// A tile layer as a source (the way Martin puts every source behind one interface): it declares what it is and
/// yields the features of a tile; MVT and PNG tiles are both made from those features by <see cref="TileRenderer"/>.
/// A store may encode a source's vector tiles itself (<see cref="Core.Stores.IVectorTileStore"/>: PostGIS's ST_AsMVT),
/// and a source may encode its own tiles (<see cref="ISelfEncodingTileSource"/>). A new layer is one class
/// implementing this interface plus its line in <see cref="TileSources.AddTileSources"/>.
/// </summary>
public interface ITileSource
{
    /// <summary>The layer's metadata (TileJSON fields, zoom range, legend).</summary>
    TileLayer Layer { get; }

    /// <summary>The metadata as served now: a source may take labels from the rules in force.</summary>
    TileLayer Describe(ServiceData data) => Layer;

    /// <summary>What the tiles depend on beyond the data version and the query (e.g. the rules in force): part of their ETag and cache key.</summary>
    string Edition(ServiceData data) => "";

    /// <summary>Checks the layer's own query parameters as its tiles would (a TileJSON refuses what its tiles would refuse).</summary>
    void Check(TileParameters parameters)
    {
    }

    /// <summary>The features of the layer that meet the tile and its buffer, at most <see cref="TileRequest.MaxFeatures"/>.</summary>
    Task<IReadOnlyList<TileFeature>> FeaturesAsync(TileRequest request, CancellationToken cancellationToken);
}

/// <summary>A source that encodes its own tiles from data faster than through features (a raster sampled per pixel).</summary>
public interface ISelfEncodingTileSource : ITileSource
{
    Task<byte[]> VectorTileAsync(TileRequest request, CancellationToken cancellationToken);

    Task<byte[]> PngAsync(TileRequest request, CancellationToken cancellationToken);
}
