using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using VeSiting.Api.Hosting;
using VeSiting.Core.Domain;
using VeSiting.Core.Spatial;
using VeSiting.Core.Stores;

namespace VeSiting.Api.Endpoints;

/// <summary>Layers as collections in the style of OGC API – Features: landing page, conformance, collections and items (GeoJSON, WGS 84).</summary>
public static class CollectionEndpoints
{
    private sealed record Collection(string Id, string Title, string Description);

    private static readonly Collection[] Collections =
    [
        new("plants", "Plants", "Wind turbines (Energistyrelsen's register), wind farms, solar parks and other plants (powerplantmatching)."),
        new("municipalities", "Municipalities", "DAGI municipalities."),
        new("regions", "Regions", "DAGI regions."),
        new("postcodes", "Postcode areas", "DAGI postcode areas."),
        new("addresses", "Addresses", "DAR access addresses."),
        new("buildings", "Buildings", "GeoDanmark building footprints."),
    ];

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void MapCollections(this WebApplication app)
    {
        app.MapGet("/api", Landing).WithTags("Collections").WithSummary("Landing page (OGC API – Features style)");
        app.MapGet("/api/conformance", () => Results.Ok(new
        {
            conformsTo = new[] { "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson" },
        })).WithTags("Collections").WithSummary("Conformance classes");
        app.MapGet("/api/collections", (HttpContext http) => Results.Ok(new
        {
            links = new[] { Link(http, "/api/collections", "self", "application/json") },
            collections = Collections.Select(c => Describe(http, c)),
        })).WithTags("Collections").WithSummary("The collections");
        app.MapGet("/api/collections/{id}", (HttpContext http, string id) => Results.Ok(Describe(http, Find(id))))
            .WithTags("Collections").WithSummary("One collection").WithDescription("Example: `/api/collections/plants`.");
        app.MapGet("/api/collections/{id}/items", Items).WithTags("Collections")
            .WithSummary("Features of a collection as GeoJSON (WGS 84)")
            .WithDescription("`bbox=minLon,minLat,maxLon,maxLat`, `limit` (1–10,000, default 100), `offset`. Example: `/api/collections/plants/items?bbox=8.0,56.2,8.6,56.5&limit=50`.");
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

    private static async Task<IResult> Items(HttpContext http, ServiceData data, string id, string? bbox, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var collection = Find(id);
        var take = limit ?? 100;
        if (take is < 1 or > 10_000)
            throw new ProblemException("limit", $"{take} is not between 1 and 10000");
        var skip = offset ?? 0;
        if (skip < 0)
            throw new ProblemException("offset", $"{skip} is negative");
        var area = bbox is null ? null : ParseBbox(bbox);
        var store = data.Store;
        var features = new List<(Geometry Geometry, string Key, AttributesTable Attributes)>();
        switch (collection.Id)
        {
            case "plants":
                var plants = area is null ? await store.ListPlantsAsync(PlantFilter.Any, cancellationToken) : (await store.PlantsWithinAsync(area, 0, PlantFilter.Any, cancellationToken)).Select(p => p.Plant).ToList();
                features.AddRange(plants.Select(p => (p.Geometry, p.Id + p.Status, Attributes(("id", p.Id), ("kind", p.Kind.ToString()), ("status", p.Status.ToString()),
                    ("name", p.Name ?? p.Model), ("capacity_kw", p.CapacityKw), ("hub_height_m", p.HubHeightM), ("rotor_diameter_m", p.RotorDiameterM), ("total_height_m", p.TotalHeightM),
                    ("siting", p.Siting.ToString()), ("municipality_code", p.MunicipalityCode), ("connected_on", p.ConnectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))));
                break;
            case "municipalities" or "regions" or "postcodes":
                var kind = collection.Id switch { "municipalities" => AdminAreaKind.Municipality, "regions" => AdminAreaKind.Region, _ => AdminAreaKind.PostCode };
                features.AddRange((await store.ListAreasAsync(kind, cancellationToken))
                    .Where(a => area is null || a.Geometry.Intersects(area))
                    .Select(a => (a.Geometry, a.Code, Attributes(("code", a.Code), ("name", a.Name)))));
                break;
            case "addresses" or "buildings":
                if (area is null)
                    throw new ProblemException("bbox", $"{collection.Id} needs a bbox");
                var sites = await store.SitesWithinAsync(area, 0, cancellationToken);
                if (collection.Id == "addresses")
                    features.AddRange(sites.Addresses.Select(a => ((Geometry)a.Address.Position, a.Address.Id, Attributes(("id", a.Address.Id), ("label", a.Address.Label), ("municipality_code", a.Address.MunicipalityCode)))));
                else
                    features.AddRange(sites.Buildings.Select(b => (b.Building.Footprint, b.Building.Id, Attributes(("id", b.Building.Id), ("bbr_id", b.Building.BbrId), ("building_type", b.Building.BuildingType)))));
                break;
        }
        var ordered = features.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var page = ordered.Skip(skip).Take(take).ToList();
        var result = new FeatureCollection();
        foreach (var f in page)
            result.Add(new Feature(GeometryTransforms.Transform(f.Geometry, Epsg.Utm32, Epsg.Wgs84), f.Attributes));
        var node = JsonSerializer.SerializeToNode(result, GeoJson)!.AsObject();
        node["numberMatched"] = ordered.Count;
        node["numberReturned"] = page.Count;
        node["timeStamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var links = new System.Text.Json.Nodes.JsonArray { PageLink(http, id, bbox, take, skip, "self") };
        if (skip + take < ordered.Count) links.Add(PageLink(http, id, bbox, take, skip + take, "next"));
        if (skip > 0) links.Add(PageLink(http, id, bbox, take, Math.Max(0, skip - take), "prev"));
        node["links"] = links;
        node["attribution"] = string.Join("; ", store.Attributions);
        return Results.Text(node.ToJsonString(), "application/geo+json");
    }

    private static Collection Find(string id) => Collections.FirstOrDefault(c => c.Id == id)
        ?? throw new ProblemException("collectionId", $"unknown collection '{id}'; collections: {string.Join(", ", Collections.Select(c => c.Id))}", StatusCodes.Status404NotFound);

    private static Geometry ParseBbox(string text)
    {
        var parts = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (parts.Length != 4 || parts.Any(double.IsNaN))
            throw new ProblemException("bbox", $"'{text}' is not minLon,minLat,maxLon,maxLat");
        if (parts[0] >= parts[2] || parts[1] >= parts[3] || parts[0] < -180 || parts[2] > 180 || parts[1] < -90 || parts[3] > 90)
            throw new ProblemException("bbox", $"'{text}' is not an area in WGS 84 (min before max, within −180–180 and −90–90)");
        var box = GeometryTransforms.FactoryFor(Epsg.Wgs84).ToGeometry(new Envelope(parts[0], parts[2], parts[1], parts[3]));
        return GeometryTransforms.Transform(NetTopologySuite.Densify.Densifier.Densify(box, 0.01), Epsg.Wgs84, Epsg.Utm32);
    }

    private static object Describe(HttpContext http, Collection c) => new
    {
        id = c.Id,
        title = c.Title,
        description = c.Description,
        itemType = "feature",
        crs = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
        extent = new { spatial = new { bbox = new[] { new[] { 7.0, 54.5, 15.3, 57.8 } } } },
        links = new[] { Link(http, $"/api/collections/{c.Id}", "self", "application/json"), Link(http, $"/api/collections/{c.Id}/items", "items", "application/geo+json") },
    };

    private static object Link(HttpContext http, string path, string rel, string type, string? title = null) =>
        new { href = $"{http.Request.Scheme}://{http.Request.Host}{path}", rel, type, title };

    private static System.Text.Json.Nodes.JsonObject PageLink(HttpContext http, string id, string? bbox, int limit, int offset, string rel) => new()
    {
        ["href"] = $"{http.Request.Scheme}://{http.Request.Host}/api/collections/{id}/items?limit={limit}&offset={offset}{(bbox is null ? "" : $"&bbox={Uri.EscapeDataString(bbox)}")}",
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
