using VeSiting.Core.Tiles;

namespace VeSiting.Stores.PostGis;

/// <summary>
/// ST_AsMVT queries for the layers PostGIS encodes itself: its fast path behind the same tile sources. Their columns are
/// the attributes of the layer's one definition (<c>TileLayer.Schema</c> in the API), in its order, checked by the tile
/// layer contract test (same attributes, types and features as the in-process writer). The tile area
/// is grown by the same margin as <see cref="MercatorTile"/>'s (8 px of 256 = 128 of 4096) and densified before it
/// is transformed to EPSG:25832, so both select the same features.
/// </summary>
internal static class PostGisVectorTiles
{
    public const int Extent = MercatorTile.VectorExtent;
    public const int MarginUnits = MercatorTile.VectorBuffer;

    private static readonly string Bounds = $"""
        WITH bounds AS (
            SELECT ST_TileEnvelope(@z, @x, @y) AS env,
                   ST_Transform(ST_Segmentize(ST_Expand(ST_TileEnvelope(@z, @x, @y), (ST_XMax(ST_TileEnvelope(@z, @x, @y)) - ST_XMin(ST_TileEnvelope(@z, @x, @y))) * {MarginUnits} / {Extent}),
                                (ST_XMax(ST_TileEnvelope(@z, @x, @y)) - ST_XMin(ST_TileEnvelope(@z, @x, @y))) / 8), 25832) AS area)
        """;

    public static readonly IReadOnlyDictionary<string, string> Sql = new Dictionary<string, string>
    {
        ["plants"] = Bounds + $"""
            , features AS (
                SELECT ST_AsMVTGeom(ST_Transform(p.geom, 3857), bounds.env, {Extent}, {MarginUnits}, true) AS geom,
                       p.id, coalesce(p.project_id, p.id) AS project, p.kind, p.status, coalesce(p.name, p.model) AS name,
                       round((p.capacity_kw / 1000)::numeric, 3)::float8 AS capacity_mw, p.total_height_m
                FROM plants p, bounds
                WHERE p.status IN ('Operating', 'Planned') AND ST_Intersects(p.geom, bounds.area))
            SELECT ST_AsMVT(features.*, 'plants', {Extent}, 'geom') FROM features WHERE geom IS NOT NULL
            """,
        ["boundaries"] = Bounds + $"""
            , simplified AS (
                SELECT a.kind, a.code, a.name,
                       ST_AsMVTGeom(ST_Transform(ST_SimplifyPreserveTopology(a.geom, 40075016.686 * cos(radians(56)) / (256 * 2 ^ @z)), 3857),
                                    bounds.env, {Extent}, {MarginUnits}, true) AS geom
                FROM admin_areas a, bounds
                WHERE a.kind IN ('Region', 'Municipality') AND ST_Intersects(a.geom, bounds.area))
            SELECT (SELECT ST_AsMVT(r.*, 'regions', {Extent}, 'geom') FROM (SELECT geom, code, name, 'region' AS kind FROM simplified WHERE kind = 'Region' AND geom IS NOT NULL) r)
                || (SELECT ST_AsMVT(m.*, 'municipalities', {Extent}, 'geom') FROM (SELECT geom, code, name, 'municipality' AS kind FROM simplified WHERE kind = 'Municipality' AND geom IS NOT NULL) m)
            """,
    };
}
