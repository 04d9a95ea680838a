using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers;

/// <summary>Words the importers' findings name: a feature's geometry type (data), or that it has none.</summary>
internal static class ImportWords
{
    /// <summary>The geometry's type as written (Point, LineString …), or the catalogue's word for a feature without one.</summary>
    public static Reason GeometryOf(Geometry? geometry, string missing = "import.geometry-missing") =>
        geometry is null ? Reason.Of(missing) : Reason.Plain(geometry.GeometryType);

    /// <summary>Alternatives joined by the language's "or" (a or b or c); each is data, shown as written.</summary>
    public static Reason Or(IEnumerable<string> alternatives) => Joined("general.or", alternatives);

    /// <summary>Words that are data (column or property names) joined by a catalogue's <c>{first} … {rest}</c> (general.or, general.and-word).</summary>
    public static Reason Joined(string code, IEnumerable<string> items)
    {
        var list = items.ToList();
        var joined = Reason.Plain(list[^1]);
        for (var i = list.Count - 2; i >= 0; i--)
            joined = Reason.Of(code, ("first", list[i]), ("rest", joined));
        return joined;
    }

    /// <summary>Items joined by commas (a, b, c) in every language.</summary>
    public static Reason Commas(IEnumerable<Reason> items)
    {
        var list = items.ToList();
        var joined = list[^1];
        for (var i = list.Count - 2; i >= 0; i--)
            joined = Reason.Of("general.and", ("first", list[i]), ("rest", joined));
        return joined;
    }
}
