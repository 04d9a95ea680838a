namespace VeSiting.Api.Tiles;

/// <summary>
/// A layer's title, description and legend labels in the answer's language (<see cref="MessageCatalogue.Current"/>).
/// The texts a source declares are English; each has a code in the message catalogues — <c>legend.&lt;layer&gt;.title</c>,
/// <c>legend.&lt;layer&gt;.description</c>, <c>legend.&lt;layer&gt;.&lt;value&gt;</c> — whose English text is the declared one.
/// A text a source built from the rules in force (a limit, a ring) is rendered from its own reason and left as it is.
/// </summary>
public static class LegendLanguage
{
    public static string TitleCode(TileLayer layer) => $"legend.{layer.Id}.title";

    public static string DescriptionCode(TileLayer layer) => $"legend.{layer.Id}.description";

    public static string LabelCode(TileLayer layer, LegendEntry entry) => $"legend.{layer.Id}.{entry.Value}";

    /// <summary>The layer in the current language.</summary>
    public static TileLayer Apply(TileLayer layer)
    {
        var catalogue = MessageCatalogue.Current;
        return layer with
        {
            Title = Text(TitleCode(layer), layer.Title, catalogue),
            Description = Text(DescriptionCode(layer), layer.Description, catalogue),
            Legend = [.. layer.Legend.Select(e => e with { Label = Text(LabelCode(layer, e), e.Label, catalogue) })],
        };
    }

    /// <summary>A declared label in the current language (for sources that build on it).</summary>
    public static string Label(TileLayer layer, LegendEntry entry) => Text(LabelCode(layer, entry), entry.Label, MessageCatalogue.Current);

    private static string Text(string code, string declared, MessageCatalogue catalogue) =>
        MessageCatalogue.English.Template(code) == declared ? catalogue.Template(code) ?? declared : declared;
}
