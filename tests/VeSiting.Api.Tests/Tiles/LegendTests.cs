using System.Text.Json;
using VeSiting.Api.Tests.Api;

namespace VeSiting.Api.Tests.Tiles;

/// <summary>/api/legend lists every tile layer with what a map needs to draw it, and agrees with each layer's TileJSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class LegendTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Every_layer_is_listed_with_its_zooms_geometry_parameters_and_legend()
    {
        using var legend = JsonDocument.Parse(await _client.GetStringAsync("/api/legend"));
        var layers = legend.RootElement.EnumerateArray().ToList();

        Assert.Equal(["boundaries", "map-detail", "plants", "scheme-zones", "tariff-zones", "dwellings", "tariff-impact", "firms", "shadow-flicker", "noise", "suitability"], layers.Select(l => l.GetProperty("id").GetString()));
        foreach (var layer in layers)
        {
            var id = layer.GetProperty("id").GetString()!;
            Assert.Contains(layer.GetProperty("geometry").GetString(), new[] { "point", "polygon" });
            Assert.Contains("scenario", layer.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
            Assert.NotEmpty(layer.GetProperty("legend").EnumerateArray());
            Assert.All(layer.GetProperty("legend").EnumerateArray(), e => Assert.Matches("^#[0-9a-f]{6}$", e.GetProperty("color").GetString()!));

            using var tileJson = JsonDocument.Parse(await _client.GetStringAsync($"/tiles/{id}.json"));
            Assert.Equal(tileJson.RootElement.GetProperty("minzoom").GetInt32(), layer.GetProperty("minZoom").GetInt32());
            Assert.Equal(tileJson.RootElement.GetProperty("maxzoom").GetInt32(), layer.GetProperty("maxZoom").GetInt32());
            Assert.Equal(tileJson.RootElement.GetProperty("vector_layers").EnumerateArray().Select(v => v.GetProperty("id").GetString()),
                layer.GetProperty("vectorLayers").EnumerateArray().Select(v => v.GetString()));
        }
        var plants = layers.Single(l => l.GetProperty("id").GetString() == "plants");
        Assert.Equal("point", plants.GetProperty("geometry").GetString());
        var suitability = layers.Single(l => l.GetProperty("id").GetString() == "suitability");
        Assert.Equal(["scenario", "profile", "area", "cell"], suitability.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        // The flicker layer's limit is the shadow-flicker rule set's 10 h (the planning guidance), not a number in the tile code.
        var flicker = layers.Single(l => l.GetProperty("id").GetString() == "shadow-flicker");
        Assert.Contains(flicker.GetProperty("legend").EnumerateArray(), e => e.GetProperty("label").GetString() == "over 10 h a year expected (the guidance's recommended limit)");
        // The noise layer's limits are the noise rule set's (BEK 135/2019: 44/42 dB(A) in open country, 39/37 for noise-sensitive land use).
        var noise = layers.Single(l => l.GetProperty("id").GetString() == "noise");
        Assert.Equal("polygon", noise.GetProperty("geometry").GetString());
        Assert.Equal(["over 37 dB(A) at 6 m/s (noise-sensitive land use)", "over 39 dB(A) at 8 m/s (noise-sensitive land use)", "over 42 dB(A) at 6 m/s (open country)", "over 44 dB(A) at 8 m/s (open country)"],
            noise.GetProperty("legend").EnumerateArray().Select(e => e.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task A_danish_legend_is_written_from_the_danish_catalogue()
    {
        using var english = JsonDocument.Parse(await _client.GetStringAsync("/api/legend?lang=en"));
        using var danish = JsonDocument.Parse(await _client.GetStringAsync("/api/legend?lang=da"));
        var catalogue = DanishMessages();
        foreach (var (en, da) in english.RootElement.EnumerateArray().Zip(danish.RootElement.EnumerateArray()))
        {
            var id = da.GetProperty("id").GetString()!;
            // Titles and descriptions are the Danish catalogue's legend.<layer>.title|description (the scheme rings' description names today's rings).
            Assert.Equal(catalogue[$"legend.{id}.title"], da.GetProperty("title").GetString());
            if (id != "scheme-zones")
                Assert.Equal(catalogue[$"legend.{id}.description"], da.GetProperty("description").GetString());
            foreach (var (enEntry, daEntry) in en.GetProperty("legend").EnumerateArray().Zip(da.GetProperty("legend").EnumerateArray()))
            {
                var label = daEntry.GetProperty("label").GetString()!;
                var code = $"legend.{id}.{daEntry.GetProperty("value").GetString()}";
                // A fixed label is the Danish catalogue's; one made from the rules in force differs from its English (same numbers, Danish words) unless both are only numbers and law terms.
                if (catalogue.TryGetValue(code, out var fixedLabel) && enEntry.GetProperty("label").GetString() == EnglishMessages()[code])
                    Assert.Equal(fixedLabel, label);
                else if (!enEntry.GetProperty("label").GetString()!.Any(char.IsLower) || enEntry.GetProperty("label").GetString()!.EndsWith("VE-bonus", StringComparison.Ordinal))
                    Assert.Equal(enEntry.GetProperty("label").GetString(), label);
                else
                    Assert.NotEqual(enEntry.GetProperty("label").GetString(), label);
            }
        }
        var flicker = danish.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "shadow-flicker");
        // The Danish template with the rule set's 10 h (the planning guidance).
        Assert.Contains(flicker.GetProperty("legend").EnumerateArray(), e => e.GetProperty("label").GetString() == catalogue["legend.shadow-flicker.over-limit"].Replace("{limit}", "10", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> DanishMessages() => Messages("da");

    private static Dictionary<string, string> EnglishMessages() => Messages("en");

    private static Dictionary<string, string> Messages(string language)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VeSiting.sln")))
            dir = dir.Parent;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "src", "VeSiting.Core", "Explanations", "Messages", $"{language}.json")));
        return json.RootElement.GetProperty("messages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
