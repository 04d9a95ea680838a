using Microsoft.AspNetCore.Mvc;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Endpoints.Ogc;

namespace VeSiting.Api.Endpoints;

/// <summary>Layers as collections in the style of OGC API – Features: landing page, conformance, collections and items (GeoJSON, WGS 84).</summary>
public static class CollectionEndpoints
{
    /// <summary>A collection; <paramref name="GeometryType"/> is what every feature has (polygons are served as multipolygons), or "geometry" when mixed.</summary>
    private sealed record Collection(string Id, string Title, string Description, string GeometryType);

    public const int MaxLimit = 10_000;

    private static readonly Collection[] Collections =
    [
        new("plants", "Plants", "Wind turbines (Energistyrelsen's register), wind farms, solar parks and other plants (powerplantmatching).", "geometry"),
        new("municipalities", "Municipalities", "DAGI municipalities.", "multipolygon"),
        new("regions", "Regions", "DAGI regions.", "multipolygon"),
        new("postcodes", "Postcode areas", "DAGI postcode areas.", "multipolygon"),
        new("addresses", "Addresses", "DAR access addresses.", "point"),
        new("buildings", "Buildings", "GeoDanmark building footprints.", "multipolygon"),
    ];

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void MapCollections(this WebApplication app)
    {
        app.MapGet("/api", (HttpContext http, ServiceData data, string? f) => Json(http, f, () => Landing(http, data))).AnswersJson().WithTags("Collections").WithSummary("Landing page (OGC API – Features style)");
        app.MapGet("/api/conformance", (HttpContext http, string? f) => Json(http, f, () => Results.Ok(new
        {
            conformsTo = new[]
            {
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            },
        }))).AnswersJson().WithTags("Collections").WithSummary("Conformance classes");
        app.MapGet("/api/collections", (HttpContext http, string? f) => Json(http, f, () => Results.Ok(new
        {
            links = new[] { Link(http, "/api/collections", "self", "application/json") },
            crs = OgcCrs.Supported,
            collections = Collections.Select(c => Describe(http, c)),
        }))).AnswersJson().WithTags("Collections").WithSummary("The collections");
        app.MapGet("/api/collections/{id}", (HttpContext http, string id, string? f) => Json(http, f, () => Results.Ok(Describe(http, Find(id))))).AnswersJson()
            .WithTags("Collections").WithSummary("One collection").WithDescription("Example: `/api/collections/plants`.");
        app.MapGet("/api/collections/{id}/items", Items).AnswersJson(contentType: "application/geo+json").WithTags("Collections")
            .WithSummary("Features of a collection as GeoJSON (CRS84, or EPSG:25832 with `crs`)")
            .WithDescription("`bbox=minLon,minLat,maxLon,maxLat` (or in EPSG:25832 with `bbox-crs`), `limit` (1–10,000, default 100), `offset`, `crs` = http://www.opengis.net/def/crs/OGC/1.3/CRS84 (default) or http://www.opengis.net/def/crs/EPSG/0/25832; paged with `next` links. Example: `/api/collections/plants/items?bbox=8.0,56.2,8.6,56.5&limit=50`.");
    }

    private static IResult Json(HttpContext http, string? f, Func<IResult> answer)
    {
        OgcFormat.Require(http, f, "application/json");
        return answer();
    }

    private static IResult Landing(HttpContext http, ServiceData data) => Results.Ok(new
    {
        title = "VeSiting",
        description = "Siting renewable-energy plants in Denmark: neighbour schemes, green pool and distance-differentiated tariffs.",
        attribution = data.Store.Attributions,
        links = new[]
        {
            Link(http, "/api", "self", "application/json"),
            Link(http, "/openapi/v1.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0"),
            Link(http, "/scalar/v1", "service-doc", "text/html"),
            Link(http, "/api/conformance", "conformance", "application/json"),
            Link(http, "/api/collections", "data", "application/json"),
            Link(http, "/", "alternate", "text/html", "Web map"),
        },
    });

    private static async Task<IResult> Items(HttpContext http, ServiceData data, string id, string? bbox, [FromQuery(Name = "bbox-crs")] string? bboxCrs,
        string? crs, int? limit, int? offset, string? f, CancellationToken cancellationToken)
    {
        var collection = Find(id);
        OgcFormat.Require(http, f, "application/geo+json");
        var take = limit ?? 100;
        if (take is < 1 or > MaxLimit)
            throw RefusalProblems.Invalid("limit", Reason.Of("collections.limit", ("value", take), ("max", MaxLimit)));
        var skip = offset ?? 0;
        if (skip < 0)
            throw RefusalProblems.Invalid("offset", Reason.Of("collections.negative", ("value", skip)));
        var outputEpsg = OgcCrs.Parse(crs, "crs");
        var bboxEpsg = OgcCrs.Parse(bboxCrs, "bbox-crs");
        if (bboxCrs is not null && bbox is null)
            throw RefusalProblems.Invalid("bbox-crs", Reason.Of("collections.crs-without-bbox"));
        // Without a bbox: the whole of Denmark (every collection lies in it), paged.
        var area = bbox is null ? DenmarkBox() : ParseBbox(bbox, bboxEpsg);
        var store = data.Store;
        var features = new List<(Geometry Geometry, string Key, AttributesTable Attributes)>();
        switch (collection.Id)
        {
            case "plants":
                var plants = bbox is null ? await store.ListPlantsAsync(PlantFilter.Any, cancellationToken)
                    : area.IsEmpty ? [] : (await store.PlantsWithinAsync(area, 0, PlantFilter.Any, cancellationToken)).Select(p => p.Plant).ToList();
                features.AddRange(plants.Select(p => (p.Geometry, p.Id + p.Status, Attributes(("id", p.Id), ("kind", p.Kind.ToString()), ("status", p.Status.ToString()),
                    ("name", p.Name ?? p.Model), ("capacity_kw", p.CapacityKw), ("hub_height_m", p.HubHeightM), ("rotor_diameter_m", p.RotorDiameterM), ("total_height_m", p.TotalHeightM),
                    ("siting", p.Siting.ToString()), ("municipality_code", p.MunicipalityCode), ("connected_on", p.ConnectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))));
                break;
            case "municipalities" or "regions" or "postcodes":
                var kind = collection.Id switch { "municipalities" => AdminAreaKind.Municipality, "regions" => AdminAreaKind.Region, _ => AdminAreaKind.PostCode };
                features.AddRange((await store.ListAreasAsync(kind, cancellationToken))
                    .Where(a => bbox is null || a.Geometry.Intersects(area))
                    .Select(a => (Multi(a.Geometry), a.Code, Attributes(("code", a.Code), ("name", a.Name)))));
                break;
            case "addresses" or "buildings":
                if (area.IsEmpty)
                    break;
                if (collection.Id == "addresses")
                    features.AddRange((await store.AddressesInAsync(area, cancellationToken)).Select(a => ((Geometry)a.Position, a.Id, Attributes(("id", a.Id), ("label", a.Label), ("municipality_code", a.MunicipalityCode)))));
                else
                    features.AddRange((await store.SitesWithinAsync(area, 0, cancellationToken)).Buildings.Select(b => (Multi(b.Building.Footprint), b.Building.Id, Attributes(("id", b.Building.Id), ("bbr_id", b.Building.BbrId), ("building_type", b.Building.BuildingType)))));
                break;
        }
        var ordered = features.OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        var page = ordered.Skip(skip).Take(take).ToList();
        var result = new FeatureCollection();
        foreach (var item in page)
            result.Add(new Feature(outputEpsg == Epsg.Utm32 ? item.Geometry : GeometryTransforms.Transform(item.Geometry, Epsg.Utm32, Epsg.Wgs84), item.Attributes));
        var node = JsonSerializer.SerializeToNode(result, GeoJson)!.AsObject();
        if (outputEpsg == Epsg.Utm32) // the legacy member too, so that GeoJSON readers without Part 2 (GDAL's GeoJSON driver) know the CRS
            node["crs"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "name", ["properties"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::25832" } };
        node["numberMatched"] = ordered.Count;
        node["numberReturned"] = page.Count;
        node["timeStamp"] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var query = PageQuery(bbox, bboxCrs, crs);
        var links = new System.Text.Json.Nodes.JsonArray { PageLink(http, id, query, take, skip, "self") };
        if ((long)skip + take < ordered.Count) links.Add(PageLink(http, id, query, take, skip + take, "next"));
        if (skip > 0) links.Add(PageLink(http, id, query, take, Math.Max(0, skip - take), "prev"));
        node["links"] = links;
        node["attribution"] = string.Join("; ", store.Attributions);
        http.Response.Headers["Content-Crs"] = $"<{OgcCrs.Uri(outputEpsg)}>";
        return Results.Text(node.ToJsonString(), "application/geo+json");
    }

    private static Collection Find(string id) => Collections.FirstOrDefault(c => c.Id == id)
        ?? throw RefusalProblems.NotFound("collectionId", Reason.Of("collections.unknown", ("value", $"'{id}'"), ("collections", string.Join(", ", Collections.Select(c => c.Id)))));

    /// <summary>
    /// A bbox as an area in EPSG:25832. A CRS84 box is first clipped to Denmark's extent (a world bbox would not
    /// survive the projection; no feature lies outside it), so a world bbox is as fast and as right as none.
    /// </summary>
    private static Geometry ParseBbox(string text, int epsg)
    {
        var parts = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (parts.Length != 4 || parts.Any(double.IsNaN))
            throw RefusalProblems.Invalid("bbox", Reason.Of("collections.bbox-not", ("value", $"'{text}'"), ("form", epsg == Epsg.Utm32 ? "minE,minN,maxE,maxN" : "minLon,minLat,maxLon,maxLat")));
        if (epsg == Epsg.Utm32)
        {
            if (parts[0] >= parts[2] || parts[1] >= parts[3])
                throw RefusalProblems.Invalid("bbox", Reason.Of("collections.bbox-utm", ("value", $"'{text}'")));
            return GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(new Envelope(parts[0], parts[2], parts[1], parts[3]));
        }
        if (parts[0] >= parts[2] || parts[1] >= parts[3] || parts[0] < -180 || parts[2] > 180 || parts[1] < -90 || parts[3] > 90)
            throw RefusalProblems.Invalid("bbox", Reason.Of("collections.bbox-wgs84", ("value", $"'{text}'")));
        var clipped = new Envelope(parts[0], parts[2], parts[1], parts[3])
            .Intersection(new Envelope(DenmarkExtent.MinLon, DenmarkExtent.MaxLon, DenmarkExtent.MinLat, DenmarkExtent.MaxLat));
        if (clipped.IsNull || clipped.Width <= 0 || clipped.Height <= 0)
            return GeometryTransforms.FactoryFor(Epsg.Utm32).CreatePolygon();
        var box = GeometryTransforms.FactoryFor(Epsg.Wgs84).ToGeometry(clipped);
        return GeometryTransforms.Transform(NetTopologySuite.Densify.Densifier.Densify(box, 0.01), Epsg.Wgs84, Epsg.Utm32);
    }

    private static Geometry DenmarkBox() => GeometryTransforms.FactoryFor(Epsg.Utm32).ToGeometry(
        new Envelope(DenmarkExtent.MinEasting, DenmarkExtent.MaxEasting, DenmarkExtent.MinNorthing, DenmarkExtent.MaxNorthing));

    /// <summary>Polygons as multipolygons, so that a collection has one geometry type.</summary>
    private static Geometry Multi(Geometry g) => g is Polygon p ? g.Factory.CreateMultiPolygon([p]) : g;

    private static object Describe(HttpContext http, Collection c) => new
    {
        id = c.Id,
        title = c.Title,
        description = c.Description,
        itemType = "feature",
        geometryType = c.GeometryType,
        crs = OgcCrs.Supported,
        storageCrs = OgcCrs.Utm32,
        extent = new { spatial = new { bbox = new[] { new[] { 7.0, 54.5, 15.3, 57.8 } } } },
        links = new[] { Link(http, $"/api/collections/{c.Id}", "self", "application/json"), Link(http, $"/api/collections/{c.Id}/items", "items", "application/geo+json") },
    };

    private static object Link(HttpContext http, string path, string rel, string type, string? title = null) =>
        new { href = $"{PublicUrls.Base(http)}{path}", rel, type, title };

    private static string PageQuery(string? bbox, string? bboxCrs, string? crs) =>
        string.Concat(bbox is null ? "" : $"&bbox={Uri.EscapeDataString(bbox)}", bboxCrs is null ? "" : $"&bbox-crs={Uri.EscapeDataString(bboxCrs)}",
            crs is null ? "" : $"&crs={Uri.EscapeDataString(crs)}");

    private static System.Text.Json.Nodes.JsonObject PageLink(HttpContext http, string id, string query, int limit, int offset, string rel) => new()
    {
        ["href"] = $"{PublicUrls.Base(http)}/api/collections/{id}/items?limit={limit}&offset={offset}{query}",
        ["rel"] = rel,
        ["type"] = "application/geo+json",
    };

    private static AttributesTable Attributes(params (string Key, object? Value)[] values)
    {
        var table = new AttributesTable();
        foreach (var (key, value) in values)
            table.Add(key, value);
        return table;
    }
}
