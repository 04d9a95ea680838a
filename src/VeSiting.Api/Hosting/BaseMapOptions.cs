namespace VeSiting.Api.Hosting;

/// <summary>
/// A base map drawn beneath VeSiting's layers (<c>VeSiting:BaseMaps</c>): a raster tile or WMTS URL template in Web
/// Mercator (<c>{z}</c>, <c>{x}</c>, <c>{y}</c>, or <c>{bbox-epsg-3857}</c> for a WMS) or a MapLibre style URL. A key
/// (a token) is appended as <see cref="KeyParameter"/> to every tile URL; the browser fetches the tiles itself, so the
/// key is visible to anyone who can open the map.
/// </summary>
public sealed class BaseMapOptions
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary><c>raster</c> or <c>style</c>; unset: raster when the URL has a tile placeholder, else style.</summary>
    public string? Type { get; set; }
    public string Attribution { get; set; } = "";
    /// <summary>The query parameter that carries the key, e.g. <c>token</c>.</summary>
    public string? KeyParameter { get; set; }
    public string? Key { get; set; }
    /// <summary>Pixels per raster tile (256 or 512).</summary>
    public int TileSize { get; set; } = 256;
}

/// <summary>The web map's settings as <c>/api/map-config</c> gives them: the base maps offered, the offline one first.</summary>
public static class MapConfig
{
    public const string Offline = "offline";

    public sealed record BaseMap(string Id, string Name, string Type, string? Url, string Attribution, int TileSize);

    public static object Of(VeSitingOptions options)
    {
        var maps = new List<BaseMap> { new(Offline, "VeSiting (offline)", Offline, null, "", 256) };
        if (!string.IsNullOrWhiteSpace(options.ExternalStyleUrl))
            maps.Add(new("external-style", "External style", "style", options.ExternalStyleUrl, "", 256));
        maps.AddRange(options.BaseMaps.Select((b, i) => Describe(b, i)));
        // ExternalStyleUrl, where set, is the map's first look, as it was before base maps could be chosen.
        var initial = string.IsNullOrWhiteSpace(options.ExternalStyleUrl) ? Offline : "external-style";
        return new { baseMaps = maps, initialBaseMap = initial };
    }

    /// <summary>One configured base map, checked: a bad entry stops the service with the setting's name.</summary>
    public static BaseMap Describe(BaseMapOptions b, int index)
    {
        var at = $"VeSiting:BaseMaps:{index}";
        if (string.IsNullOrWhiteSpace(b.Name))
            throw new InvalidOperationException($"{at}:Name is empty: a base map needs the name the switcher shows");
        if (!Uri.TryCreate(b.Url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{at}:Url '{b.Url}' is not an absolute http(s) URL");
        var templated = b.Url.Contains("{z}", StringComparison.Ordinal) || b.Url.Contains("{bbox-epsg-3857}", StringComparison.Ordinal);
        var type = b.Type ?? (templated ? "raster" : "style");
        if (type is not ("raster" or "style"))
            throw new InvalidOperationException($"{at}:Type '{b.Type}' is neither 'raster' nor 'style'");
        if (type == "raster" && !templated)
            throw new InvalidOperationException($"{at}:Url has no {{z}}/{{x}}/{{y}} or {{bbox-epsg-3857}} placeholder: a raster base map needs one");
        if (b.TileSize is not (256 or 512))
            throw new InvalidOperationException($"{at}:TileSize {b.TileSize} is neither 256 nor 512");
        if (!string.IsNullOrEmpty(b.KeyParameter) && string.IsNullOrEmpty(b.Key))
            throw new InvalidOperationException($"{at}:Key is empty but KeyParameter '{b.KeyParameter}' is set: give your own key (e.g. VeSiting__BaseMaps__{index}__Key)");
        var url = string.IsNullOrEmpty(b.KeyParameter) ? b.Url
            : $"{b.Url}{(b.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{Uri.EscapeDataString(b.KeyParameter)}={Uri.EscapeDataString(b.Key!)}";
        return new($"base-{index}", b.Name, type, url, b.Attribution, b.TileSize);
    }
}
