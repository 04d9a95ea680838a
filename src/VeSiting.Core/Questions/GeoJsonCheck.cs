using System.Text.Json;
using System.Text.RegularExpressions;

namespace VeSiting.Core.Questions;

/// <summary>
/// Checks a GeoJSON document (a request body, a layout file) before it is read into geometries: every position two or
/// three finite numbers (longitude/latitude in range without a <c>crs</c>), rings closed with at least four positions,
/// no empty coordinates; for planned layouts also strict permit dates and heights, rotors and capacities within
/// <see cref="PlantSizes"/>. The first break is the refusal, naming the field as the readers do and saying where.
/// </summary>
public static partial class GeoJsonCheck
{
    /// <summary>A planned layout: a FeatureCollection of turbines (points) and solar areas (polygons); null when it passes.</summary>
    public static Refusal? Project(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return null; // the reader refuses what is not a FeatureCollection
        try
        {
            CheckProject(root);
            return null;
        }
        catch (Fault e)
        {
            return Named(e, "");
        }
    }

    private static void CheckProject(JsonElement root)
    {
        CheckDate(root, "permit_date", "permit_date");
        foreach (var (feature, path) in Features(root, "features"))
        {
            if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                CheckDate(properties, "permit_date", $"{path}.properties.permit_date");
                foreach (var name in PlantSizes.Names)
                    CheckSize(properties, name, $"{path}.properties.{name}");
                CheckAcoustics(properties, $"{path}.properties");
            }
        }
        CheckGeometries(root, "");
    }

    /// <summary>The geometries of a FeatureCollection (candidate sites, point layers); <paramref name="field"/> prefixes the paths. Null when they pass.</summary>
    public static Refusal? Geometries(JsonElement collection, string field)
    {
        try
        {
            CheckGeometries(collection, field);
            return null;
        }
        catch (Fault e)
        {
            return Named(e, field);
        }
    }

    /// <summary>A break found deep in the document: its JSON path and the reason (unwound to the one refusal above).</summary>
    private sealed class Fault(string path, string reason) : Exception(reason)
    {
        public Fault(string path, Reason because)
            : this(path, because.Text) => Because = because;

        public string Path { get; } = path;
        public string Reason { get; } = reason;

        /// <summary>The reason as a code and values (null: only the English <see cref="Reason"/>).</summary>
        public Reason? Because { get; }
    }

    /// <summary>
    /// Names the field as the readers do (a feature's property, <c>geometry</c>, or the document member that holds the
    /// collection) and says where in the reason: "feature 2, coordinates[0]: the ring is not closed …".
    /// </summary>
    private static Refusal Named(Fault e, string member)
    {
        var path = e.Path;
        if (member.Length > 0 && path.StartsWith(member, StringComparison.Ordinal))
            path = path[member.Length..].TrimStart('.');
        var match = FeaturePath().Match(path);
        if (!match.Success)
        {
            if (e.Because is { } because)
                return member.Length == 0 ? Refusal.Invalid(e.Path, because) : Refusal.Invalid(member, path.Length == 0 ? because : Reason.About(path, because));
            return member.Length == 0 ? Refusal.Invalid(e.Path, e.Reason) : Refusal.Invalid(member, path.Length == 0 ? e.Reason : $"{path}: {e.Reason}");
        }
        var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) + 1;
        var where = $"feature {number}";
        var rest = match.Groups["rest"].Value;
        string field;
        if (rest.StartsWith("properties.", StringComparison.Ordinal))
            (field, rest) = (rest["properties.".Length..], "");
        else if (rest.StartsWith("geometry", StringComparison.Ordinal))
            (field, rest) = ("geometry", rest["geometry".Length..].TrimStart('.'));
        else
            field = "features";
        if (member.Length > 0)
            (field, rest) = (member, field == "features" ? rest : $"{field}{(rest.Length > 0 ? "." : "")}{rest}");
        if (e.Because is { } reason)
            return Refusal.Invalid(field, rest.Length > 0
                ? Reason.Of("geojson.in-feature-at", ("feature", number), ("at", rest), ("reason", reason))
                : Reason.Of("geojson.in-feature", ("feature", number), ("reason", reason)));
        return Refusal.Invalid(field, $"{where}{(rest.Length > 0 ? $", {rest}" : "")}: {e.Reason}");
    }

    [GeneratedRegex(@"^features\[(?<n>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex FeaturePath();

    private static void CheckGeometries(JsonElement collection, string field)
    {
        if (collection.ValueKind != JsonValueKind.Object)
            throw new Fault(Name(field, "type"), Reason.Of("geojson.expected-collection"));
        var projected = collection.TryGetProperty("crs", out var crs) && crs.ValueKind == JsonValueKind.Object;
        foreach (var (feature, path) in Features(collection, Name(field, "features")))
            if (feature.TryGetProperty("geometry", out var geometry))
                Geometry(geometry, $"{path}.geometry", projected);
    }

    private static IEnumerable<(JsonElement Feature, string Path)> Features(JsonElement collection, string field)
    {
        if (!collection.TryGetProperty("features", out var features))
            yield break;
        if (features.ValueKind != JsonValueKind.Array)
            throw new Fault(field, Reason.Of("geojson.expected-features"));
        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var path = $"{field}[{i++}]";
            if (feature.ValueKind != JsonValueKind.Object)
                throw new Fault(path, Reason.Of("geojson.expected-feature"));
            yield return (feature, path);
        }
    }

    private static void Geometry(JsonElement geometry, string field, bool projected)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
            return;
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new Fault(field, Reason.Of("geojson.expected-geometry"));
        var type = typeElement.GetString();
        if (type == "GeometryCollection")
        {
            if (!geometry.TryGetProperty("geometries", out var members) || members.ValueKind != JsonValueKind.Array)
                throw new Fault($"{field}.geometries", Reason.Of("geojson.expected-geometries"));
            var i = 0;
            foreach (var member in members.EnumerateArray())
                Geometry(member, $"{field}.geometries[{i++}]", projected);
            return;
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates))
            throw new Fault($"{field}.coordinates", Reason.Of("geojson.missing"));
        var path = $"{field}.coordinates";
        switch (type)
        {
            case "Point":
                Position(coordinates, path, projected);
                break;
            case "MultiPoint":
                Positions(coordinates, path, projected, minimum: 1);
                break;
            case "LineString":
                Positions(coordinates, path, projected, minimum: 2);
                break;
            case "MultiLineString":
                Each(coordinates, path, (line, p) => Positions(line, p, projected, minimum: 2));
                break;
            case "Polygon":
                Polygon(coordinates, path, projected);
                break;
            case "MultiPolygon":
                Each(coordinates, path, (polygon, p) => Polygon(polygon, p, projected));
                break;
            default:
                throw new Fault($"{field}.type", Reason.Of("geojson.not-geometry-type", ("value", ValueText.Echo(type))));
        }
    }

    private static void Polygon(JsonElement rings, string path, bool projected) => Each(rings, path, (ring, p) =>
    {
        Positions(ring, p, projected, minimum: 4);
        var first = ring[0];
        var last = ring[ring.GetArrayLength() - 1];
        if (first[0].GetDouble() != last[0].GetDouble() || first[1].GetDouble() != last[1].GetDouble())
            throw new Fault(p, Reason.Of("geojson.ring-not-closed"));
    });

    private static void Each(JsonElement array, string path, Action<JsonElement, string> check)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            throw new Fault(path, Reason.Of(array.ValueKind == JsonValueKind.Array ? "geojson.empty" : "geojson.expected-array"));
        var i = 0;
        foreach (var member in array.EnumerateArray())
            check(member, $"{path}[{i++}]");
    }

    private static void Positions(JsonElement array, string path, bool projected, int minimum)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new Fault(path, Reason.Of("geojson.expected-positions"));
        if (array.GetArrayLength() < minimum)
            throw new Fault(path, Reason.Of("geojson.too-few-positions", ("count", array.GetArrayLength()), ("minimum", minimum)));
        var i = 0;
        foreach (var position in array.EnumerateArray())
            Position(position, $"{path}[{i++}]", projected);
    }

    private static void Position(JsonElement position, string path, bool projected)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3)
            throw new Fault(path, Reason.Of("geojson.position-numbers"));
        var i = 0;
        foreach (var ordinate in position.EnumerateArray())
        {
            if (ordinate.ValueKind != JsonValueKind.Number || !ordinate.TryGetDouble(out var value) || !double.IsFinite(value))
                throw new Fault($"{path}[{i}]", Reason.Of("geojson.not-finite"));
            var limit = projected ? 1e8 : i == 0 ? 180 : i == 1 ? 90 : 1e5;
            if (Math.Abs(value) > limit)
                throw new Fault($"{path}[{i}]", Reason.Of(projected || i >= 2 ? "geojson.out-of-range-m" : "geojson.out-of-range-degrees", ("value", F(value)), ("limit", limit)));
            i++;
        }
    }

    private static void CheckDate(JsonElement owner, string name, string field)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return;
        if (value.ValueKind != JsonValueKind.String)
            throw new Fault(field, Reason.Of("value.not-date", ("value", ValueText.Echo(value.GetRawText()))));
        if (ValueText.StrictDate(value.GetString()!) is { } reason)
            throw new Fault(field, reason);
    }

    private static void CheckSize(JsonElement owner, string name, string field)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return;
        var number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var n) => n,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            _ => double.NaN,
        };
        if (!double.IsFinite(number))
            throw new Fault(field, Reason.Of("value.not-finite-number", ("value", ValueText.Echo(value.GetRawText()))));
        if (PlantSizes.Because(name, number) is { } reason)
            throw new Fault(field, reason);
    }

    /// <summary>A turbine's sound power (lwa_6ms_db, lwa_8ms_db, the spectra): the shape as <see cref="Noise.TurbineAcoustics.ShapeProblem"/> says (the range is the rules', checked where the noise is computed).</summary>
    private static void CheckAcoustics(JsonElement properties, string path)
    {
        double? Number(string name) => properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
            : properties.TryGetProperty(name, out v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                ? throw new Fault($"{path}.{name}", Reason.Of("value.not-number", ("value", ValueText.Echo(v.GetRawText())))) : null;
        double[]? Numbers(string name)
        {
            if (!properties.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                return null;
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number))
                throw new Fault($"{path}.{name}", Reason.Of("geojson.expected-band-numbers"));
            return [.. v.EnumerateArray().Select(e => e.GetDouble())];
        }
        var (lwa6, lwa8) = (Number("lwa_6ms_db"), Number("lwa_8ms_db"));
        var (octaves, thirds) = (Numbers("lwa_octaves_8ms_db"), Numbers("lwa_lf_thirds_8ms_db"));
        if (Noise.TurbineAcoustics.ShapeProblem(lwa6, lwa8, octaves, thirds) is { } problem)
            throw new Fault($"{path}.{problem.Field}", problem.Reason);
    }

    private static string Name(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
