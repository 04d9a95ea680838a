using System.Net;

namespace VeSiting.Api.Tests.Security;

/// <summary>One hostile or careless request and the answer it must get: the status and the field the problem names (null: any).</summary>
public sealed record HostileCase(string Name, HttpMethod Method, string Path, string? Body, HttpStatusCode Status, string? Field,
    string? ContentType = null, (string Name, string Value)? Header = null, bool NeedsKey = false);

/// <summary>
/// The hostile-input catalogue: query values of the wrong kind or out of range, repeated parameters, unknown paths and
/// methods, oversized URLs and headers, broken GeoJSON bodies (unclosed rings, empty or non-finite coordinates,
/// absurd heights and capacities, impossible dates) and broken siting bodies. Each expected status and field is
/// what the README's error and limits sections promise, written down by hand.
/// </summary>
public static class HostileInputCatalogue
{
    private static readonly string[] NotNumbers = ["abc", "NaN", "Infinity", "-Infinity", "1e999", "0x38", "56,5", "56.5.1", "56abc", "true", "--1", "'; DROP TABLE plants; --", "<script>alert(1)</script>", "%00", " "];
    private static readonly string[] NotWholeNumbers = ["abc", "2147483648", "99999999999999999999", "2e3", "1.5", "NaN", "0x10", "1,000", "-", "%00"];
    private static readonly string[] NotDates = ["2026-02-30", "not-a-date", "12345", "2026-13-01", "26-01-01", "2026/01/01", "2026-1-1", "0000-01-01", "2026-02-29", "2026-06-01T00:00:00", "'; DROP TABLE x; --", "%00"];

    public const string Plant = "570715000000045608";

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    public static IReadOnlyDictionary<string, HostileCase> ByName { get; } = All.ToDictionary(c => c.Name);

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        void Get(string path, HttpStatusCode status, string? field) => cases.Add(new HostileCase($"GET {path}", HttpMethod.Get, path, null, status, field));
        void Values(string template, string field, IEnumerable<string> values)
        {
            foreach (var v in values)
                Get(template.Replace("{v}", Uri.EscapeDataString(v), StringComparison.Ordinal), HttpStatusCode.BadRequest, field);
        }

        // Query values that are not of their kind, or lie outside their documented range.
        Values("/api/assess/site?lat={v}&lon=10.5", "lat", [.. NotNumbers, "91", "-91", "1e308", ""]);
        Values("/api/assess/site?lat=56&lon={v}", "lon", [.. NotNumbers, "181", "-181", "1e308", ""]);
        Values("/api/assess/site?e={v}&n=6200000", "e", ["abc", "NaN", "Infinity", "1e308", "-1e308", ""]);
        Values("/api/assess/site?e=600000&n={v}", "n", ["abc", "NaN", "-Infinity", "1e308", ""]);
        Values("/api/assess/site?lat=56&lon=10&kwh={v}", "kwh", ["1.7e308", "1e11", "0", "-1", "-0", "1e-400", "abc", "NaN", "Infinity", "1,000", ""]);
        Values("/api/assess/site?lat=56&lon=10&year={v}", "year", [.. NotWholeNumbers, "-1", "1800", "3000", ""]);
        Values("/api/assess/municipality/461?year={v}", "year", ["2e3", "abc", "2147483648"]);
        foreach (var collection in new[] { "plants", "municipalities", "regions", "postcodes", "addresses", "buildings" })
            Values($"/api/collections/{collection}/items?limit={{v}}", "limit", ["abc", "2147483648", "0", "-1", "2e3", "", "1.5", "10001"]);
        Values("/api/collections/plants/items?offset={v}", "offset", ["2147483647", "10000001", "-1", "abc", "1e3", ""]);
        Values("/api/collections/plants/items?bbox={v}", "bbox", ["NaN,NaN,NaN,NaN", "1,2,3", "a,b,c,d", "10,57,9,56", "-181,0,0,1", "0,-91,1,0", "1,2,3,4,5", "", "Infinity,0,1,1"]);
        Values("/api/classify?synthetic={v}", "synthetic", ["maybe", "yes", "1", "0", "", "on"]);
        Values("/api/classify?municipality={v}", "municipality", ["abc", "2147483648", "-1", "1e3", ""]);
        Values("/api/classify?format={v}", "format", ["xlsx", "../../etc/passwd", "CSV;rm"]);
        Values($"/api/assess/plant/{Plant}?permitDate={{v}}", "permitDate", [.. NotDates, ""]);
        Values($"/api/assess/plant/{Plant}?format={{v}}", "format", ["xml", "%00"]);
        Values("/api/sites?cell={v}", "cell", ["abc", "1", "1e308", "NaN", "-250", "50001", ""]);
        Values("/api/sites?limit={v}", "limit", ["0", "-5", "abc"]);
        Values("/api/addresses?q=Eliasgade&limit={v}", "limit", ["abc", "0", "101", "2147483648"]);
        Get("/api/addresses", HttpStatusCode.BadRequest, "q");
        Get("/api/addresses?q=", HttpStatusCode.BadRequest, "q");
        Get("/api/assess/site", HttpStatusCode.BadRequest, "location");
        Get("/api/assess/site?lat=56", HttpStatusCode.BadRequest, "lon");
        Get("/api/assess/site?lat=56&lon=10&e=600000&n=6200000", HttpStatusCode.BadRequest, "location");
        Get("/api/assess/site?lat=0&lon=0", HttpStatusCode.BadRequest, "lat");
        Get("/api/assess/site?lat=56&lon=10&tou=1,2", HttpStatusCode.BadRequest, "tou");
        Get("/api/assess/site?lat=56&lon=10&tou=a,b,c", HttpStatusCode.BadRequest, "tou");
        Get("/api/assess/site?lat=56&lon=10&tou=-1,1,1", HttpStatusCode.BadRequest, "tou");

        // A parameter given twice that is not a list.
        foreach (var (path, field) in new[]
        {
            ("/api/assess/site?lat=56&lat=57&lon=10", "lat"), ("/api/assess/site?lat=56&lon=10&lon=11", "lon"),
            ("/api/assess/site?lat=56&lon=10&kwh=1000&kwh=2000", "kwh"), ("/api/assess/site?lat=56&lon=10&year=2026&year=2027", "year"),
            ("/api/assess/site?address=a&address=b", "address"), ("/api/collections/plants/items?limit=1&limit=2", "limit"),
            ("/api/collections/plants/items?offset=1&offset=2", "offset"), ("/api/collections/plants/items?bbox=8,56,9,57&bbox=8,56,9,57", "bbox"),
            ("/api/addresses?q=a&q=b", "q"), ("/api/sites?profile=greenhouse&profile=ptx", "profile"), ("/api/classify?format=csv&format=gpkg", "format"),
            ($"/api/assess/plant/{Plant}?permitDate=2026-01-01&permitDate=2026-01-02", "permitDate"),
        })
            Get(path, HttpStatusCode.BadRequest, field);

        // Nothing there.
        foreach (var (path, field) in new[]
        {
            ("/api/nothing", "path"), ("/api/collections/nothing", "collectionId"), ("/api/collections/nothing/items", "collectionId"),
            ("/tiles/nothing.json", "layer"), ("/tiles/nothing/1/0/0.mvt", "layer"), ("/api/assess/plant/000", "gsrn"),
            ("/api/assess/plant/..%2F..%2Fetc%2Fpasswd", "gsrn"), ("/api/projects/nothing-here", "id"), ("/api/projects/..%2F..%2Fappsettings.json", "id"),
            ("/api/projects/%27%3B%20DROP%20TABLE%20projects%3B--/assessment", "id"), ("/api/assess/municipality/9999", "code"),
            ("/api/assess/site?address=%27%3B%20DROP%20TABLE%20plants%3B%20--", "address"), ("/api/assess/site?building=..%2F..%2Fetc%2Fpasswd", "building"),
            ("/api/sites?profile=nothing", "profile"), ("/api/sites?area=municipality:%27%3B--", "area"), ("/tiles/..%2F..%2Fetc%2Fpasswd/1/0/0.mvt", "layer"),
            ("/api/imports/..%2F..%2Fetc%2Fpasswd", null), ("/.env", "path"), ("/wp-login.php", "path"), ("/api/collections/plants/items/extra", "path"),
        })
            Get(path, HttpStatusCode.NotFound, field);

        // Tile addresses.
        foreach (var (path, field) in new[]
        {
            ("/tiles/plants/2147483647/0/0.mvt", "z"), ("/tiles/plants/3/0/abc.mvt", "y"), ("/tiles/plants/3/0/0.gif", "format"),
            ("/tiles/plants/3/0/0", "format"), ("/tiles/plants/3/99/0.mvt", "x"), ("/tiles/plants/3/0/99.mvt", "y"), ("/tiles/plants/30/0/0.mvt", "z"),
            ("/tiles/plants/-1/0/0.mvt", "z"), ("/tiles/plants/3/-1/0.mvt", "x"),
        })
            Get(path, HttpStatusCode.BadRequest, field);

        // Methods an endpoint does not have.
        foreach (var (method, path) in new[]
        {
            ("DELETE", "/api/collections"), ("PUT", "/health"), ("POST", "/api/collections/plants/items"), ("DELETE", "/api/assess/site"),
            ("PATCH", "/api/projects"), ("POST", "/tiles/plants.json"), ("PUT", "/api/metadata"), ("DELETE", "/tiles/plants/3/0/0.mvt"),
            ("POST", "/api/assess/municipality/461"), ("PUT", "/api/assess/project"), ("PATCH", "/api/sites"), ("TRACE", "/api"),
        })
            cases.Add(new HostileCase($"{method} {path}", new HttpMethod(method), path, null, HttpStatusCode.MethodNotAllowed, "method"));

        // Oversized URL and headers, the wrong media type.
        cases.Add(new HostileCase("GET a 9000-character query", HttpMethod.Get, "/api/addresses?q=" + new string('a', 9000), null, HttpStatusCode.RequestUriTooLong, "url"));
        cases.Add(new HostileCase("GET a 20000-character path", HttpMethod.Get, "/api/" + new string('x', 20000), null, HttpStatusCode.RequestUriTooLong, "url"));
        cases.Add(new HostileCase("GET with 40 kB of headers", HttpMethod.Get, "/api/metadata", null, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers", Header: ("X-Padding", new string('p', 40_000))));
        foreach (var type in new[] { "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png" })
            cases.Add(new HostileCase($"POST /api/assess/project as {type}", HttpMethod.Post, "/api/assess/project", Turbine(), HttpStatusCode.UnsupportedMediaType, "Content-Type", ContentType: type));

        // Broken project bodies, to the assessment and to saving (with a key), and to replacing a saved project.
        foreach (var (what, body, field) in ProjectBodies())
        {
            cases.Add(new HostileCase($"POST /api/assess/project: {what}", HttpMethod.Post, "/api/assess/project", body, HttpStatusCode.BadRequest, field));
            cases.Add(new HostileCase($"POST /api/projects: {what}", HttpMethod.Post, "/api/projects", body, HttpStatusCode.BadRequest, field, NeedsKey: true));
            cases.Add(new HostileCase($"PUT /api/projects/x: {what}", HttpMethod.Put, "/api/projects/hostile", body, HttpStatusCode.BadRequest, field, NeedsKey: true));
        }

        // Broken siting bodies: refused before any siting runs.
        foreach (var (what, body, field) in SitingBodies())
            cases.Add(new HostileCase($"POST /api/sites: {what}", HttpMethod.Post, "/api/sites", body, HttpStatusCode.BadRequest, field));
        return cases;
    }

    private static string Turbine(string properties = "\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":4200", string coordinates = "[11.1916,55.4810]", string type = "Point", string collection = "") =>
        "{\"type\":\"FeatureCollection\"" + collection + ",\"features\":[{\"type\":\"Feature\",\"properties\":{" + properties
        + "},\"geometry\":{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}}]}";

    private static string Solar(string coordinates, string capacity = "\"capacity_mw\":5", string type = "Polygon") => Turbine(capacity, coordinates, type);

    private static IEnumerable<(string What, string Body, string Field)> ProjectBodies()
    {
        const string ring = "[[11.19,55.48],[11.20,55.48],[11.20,55.49],[11.19,55.49],[11.19,55.48]]";
        yield return ("unclosed ring", Solar("[[[11.19,55.48],[11.20,55.48],[11.20,55.49],[11.19,55.49]]]"), "geometry");
        yield return ("unclosed ring of five", Solar("[[[11.19,55.48],[11.20,55.48],[11.20,55.49],[11.19,55.49],[11.19,55.485]]]"), "geometry");
        yield return ("ring of three positions", Solar("[[[11.19,55.48],[11.20,55.48],[11.19,55.48]]]"), "geometry");
        yield return ("empty polygon coordinates", Solar("[]"), "geometry");
        yield return ("empty ring", Solar("[[]]"), "geometry");
        yield return ("unclosed ring in a multipolygon", Solar("[[[[11.19,55.48],[11.20,55.48],[11.20,55.49],[11.19,55.49]]]]", type: "MultiPolygon"), "geometry");
        yield return ("empty multipolygon", Solar("[]", type: "MultiPolygon"), "geometry");
        yield return ("polygon coordinates a number", Solar("5"), "geometry");
        yield return ("empty point coordinates", Turbine(coordinates: "[]"), "geometry");
        yield return ("point with one ordinate", Turbine(coordinates: "[11.19]"), "geometry");
        yield return ("point with four ordinates", Turbine(coordinates: "[11.19,55.48,1,2]"), "geometry");
        yield return ("point of strings", Turbine(coordinates: "[\"NaN\",\"NaN\"]"), "geometry");
        yield return ("point of nulls", Turbine(coordinates: "[null,null]"), "geometry");
        yield return ("point at 1e999", Turbine(coordinates: "[1e999,55.48]"), "geometry");
        yield return ("longitude 200", Turbine(coordinates: "[200,55.48]"), "geometry");
        yield return ("latitude 95", Turbine(coordinates: "[11.19,95]"), "geometry");
        yield return ("point coordinates nested", Turbine(coordinates: "[[11.19,55.48]]"), "geometry");
        yield return ("missing coordinates", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"hub_height_m":95,"rotor_diameter_m":110},"geometry":{"type":"Point"}}]}""", "geometry");
        yield return ("unknown geometry type", Turbine(type: "Circle"), "geometry");
        yield return ("geometry a string", """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"POINT(11 55)"}]}""", "geometry");
        yield return ("features an object", """{"type":"FeatureCollection","features":{}}""", "features");
        yield return ("feature a number", """{"type":"FeatureCollection","features":[1]}""", "features");
        yield return ("hub height 1e308", Turbine("\"hub_height_m\":1e308,\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height 301", Turbine("\"hub_height_m\":301,\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height 0", Turbine("\"hub_height_m\":0,\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height negative", Turbine("\"hub_height_m\":-95,\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height text", Turbine("\"hub_height_m\":\"tall\",\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height true", Turbine("\"hub_height_m\":true,\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("hub height missing", Turbine("\"rotor_diameter_m\":110"), "hub_height_m");
        yield return ("rotor 1e308", Turbine("\"hub_height_m\":95,\"rotor_diameter_m\":1e308"), "rotor_diameter_m");
        yield return ("rotor negative", Turbine("\"hub_height_m\":95,\"rotor_diameter_m\":-1"), "rotor_diameter_m");
        yield return ("capacity 1e308 kW", Turbine("\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":1e308"), "capacity_kw");
        yield return ("capacity negative", Turbine("\"hub_height_m\":95,\"rotor_diameter_m\":110,\"capacity_kw\":-4200"), "capacity_kw");
        yield return ("solar capacity 1e308 MW", Solar($"[{ring}]", "\"capacity_mw\":1e308"), "capacity_mw");
        yield return ("solar capacity 3000 MW", Solar($"[{ring}]", "\"capacity_mw\":3000"), "capacity_mw");
        yield return ("solar without capacity", Solar($"[{ring}]", "\"name\":\"x\""), "capacity_mw");
        yield return ("self-intersecting solar area", Solar("[[[11.19,55.48],[11.21,55.50],[11.21,55.48],[11.19,55.50],[11.19,55.48]]]"), "geometry");
        yield return ("turbine outside Denmark", Turbine(coordinates: "[2.35,48.85]"), "geometry");
        yield return ("a line", Turbine(coordinates: "[[11.19,55.48],[11.2,55.49]]", type: "LineString"), "geometry");
        foreach (var date in new[] { "2026-02-30", "not-a-date", "2026-13-01", "", "2026/06/01", "01-06-2026" })
            yield return ($"permit_date '{date}'", Turbine(collection: $",\"permit_date\":\"{date}\""), "permit_date");
        yield return ("permit_date 12345", Turbine(collection: ",\"permit_date\":12345"), "permit_date");
        yield return ("permit_date true", Turbine(collection: ",\"permit_date\":true"), "permit_date");
        yield return ("feature permit_date 2026-02-30", Turbine("\"hub_height_m\":95,\"rotor_diameter_m\":110,\"permit_date\":\"2026-02-30\""), "permit_date");
        yield return ("not JSON", "{", "body");
        yield return ("trailing garbage", Turbine() + "}", "body");
        yield return ("an array", "[]", "body");
        yield return ("not a FeatureCollection", """{"type":"Feature"}""", "body");
        yield return ("empty collection", """{"type":"FeatureCollection","features":[]}""", "body");
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000), "body");
        yield return ("unknown crs", """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:2154"}},"features":[]}""", "body");
    }

    private static IEnumerable<(string What, string Body, string Field)> SitingBodies()
    {
        const string unclosed = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[11.19,55.48],[11.20,55.48],[11.20,55.49],[11.19,55.49]]]}}]}""";
        yield return ("cell text", """{"cell":"abc"}""", "cell");
        yield return ("cell 1e308", """{"cell":1e308}""", "cell");
        yield return ("cell null", """{"cell":null}""", "cell");
        yield return ("cell 1", """{"cell":1}""", "cell");
        yield return ("cell negative", """{"cell":-1000}""", "cell");
        yield return ("area a number", """{"area":5}""", "area");
        yield return ("profileId a number", """{"profileId":7}""", "profileId");
        yield return ("profile text", """{"profile":"greenhouse"}""", "profile");
        yield return ("unclosed candidate polygon", "{\"candidates\":" + unclosed + "}", "candidates");
        yield return ("candidates text", """{"candidates":"x"}""", "candidates");
        yield return ("candidate point of strings", """{"candidates":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["a","b"]}}]}}""", "candidates");
        yield return ("layers an array", """{"layers":[]}""", "layers");
        yield return ("unclosed polygon in a layer", "{\"layers\":{\"education\":" + unclosed + "}}", "layers.education");
        yield return ("regional an array", """{"regional":[]}""", "regional");
        yield return ("regional figure not an object", """{"regional":{"state-jobs":5}}""", "regional.state-jobs");
        yield return ("regional value text", """{"regional":{"state-jobs":{"1084":"many"}}}""", "regional.state-jobs.1084");
        yield return ("an array", "[]", "body");
        yield return ("not JSON", "{\"cell\":", "body");

        // What the independent probe got through (#25): every criterion's numbers finite, in range and ordered; a bounded count.
        const string power = "\"criterion\":\"power-price\",\"weight\":1,\"worst\":1.4,\"best\":0.9";
        yield return ("65 criteria", Profile(string.Join(",", Enumerable.Repeat("{" + power + "}", 65))), "profile.criteria");
        yield return ("weight 1e309", Profile("{\"criterion\":\"power-price\",\"weight\":1e309,\"worst\":1.4,\"best\":0.9}"), "profile.criteria[0].weight");
        yield return ("weight 1e308", Profile("{\"criterion\":\"power-price\",\"weight\":1e308,\"worst\":1.4,\"best\":0.9}"), "profile.criteria[0].weight");
        yield return ("worst equal to best", Profile("{\"criterion\":\"power-price\",\"weight\":1,\"worst\":1,\"best\":1}"), "profile.criteria[0].best");
        yield return ("worst 1e308", Profile("{\"criterion\":\"power-price\",\"weight\":1,\"worst\":1e308,\"best\":0.9}"), "profile.criteria[0].worst");
        yield return ("best -1e308", Profile("{\"criterion\":\"power-price\",\"weight\":1,\"worst\":1.4,\"best\":-1e308}"), "profile.criteria[0].best");
        yield return ("requiredMax 1e308", Profile("{" + power + ",\"requiredMax\":1e308}"), "profile.criteria[0].requiredMax");
        yield return ("requiredMin above requiredMax", Profile("{" + power + ",\"requiredMin\":2,\"requiredMax\":1}"), "profile.criteria[0].requiredMin");
        yield return ("unknown top-level field", """{"profileId":"greenhouse","colour":"green"}""", "colour");
        yield return ("profile and profileId", "{\"profileId\":\"greenhouse\"," + Profile("{" + power + "}")[1..], "profileId");
    }

    private static string Profile(string criteria) =>
        "{\"profile\":{\"id\":\"probe\",\"version\":\"1\",\"title\":\"Probe\",\"scenario\":\"banded-distance\",\"consumption\":{\"annualKwh\":100000,\"timeOfUse\":{\"low\":1,\"high\":0,\"peak\":0}},\"criteria\":[" + criteria + "]},\"area\":\"municipality:0461\"}";
}
