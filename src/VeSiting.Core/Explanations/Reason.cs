using System.Text.Json.Serialization;

namespace VeSiting.Core.Explanations;

/// <summary>
/// Why an answer says what it says, as data: a stable code from the message catalogues and the values it names
/// (numbers, text, dates, or another <see cref="Reason"/>). A client renders it in its own language through a
/// <see cref="MessageCatalogue"/>; <see cref="Text"/> is the English rendering. JSON carries the code, the values and
/// the text in the answer's language (<see cref="MessageCatalogue.Current"/>) for clients that read the sentence. Legal numbers in <see cref="Values"/> come from the rule set in force.
/// </summary>
[JsonConverter(typeof(ReasonJsonConverter))]
public sealed class Reason : IEquatable<Reason>
{
    private readonly (string Name, object Value)[] _values;

    private Reason(string code, (string Name, object Value)[] values)
    {
        Code = code;
        _values = values;
    }

    /// <summary>The message code, e.g. <c>minimum-distance.inside</c>: the same in every language.</summary>
    public string Code { get; }

    /// <summary>The named values, in the order given.</summary>
    public IReadOnlyList<(string Name, object Value)> Values => _values;

    /// <summary>The English rendering.</summary>
    public string Text => MessageCatalogue.English.Render(this);

    /// <summary>The rendering in the answer's language (<see cref="MessageCatalogue.Current"/>).</summary>
    public string Rendered => MessageCatalogue.Current.Render(this);

    /// <summary>A reason with the given code, which must be in the English catalogue, and its values.</summary>
    /// <exception cref="ArgumentException">The code is not in the catalogue, or a value is of a kind no catalogue can render.</exception>
    public static Reason Of(string code, params (string Name, object Value)[] values)
    {
        if (!MessageCatalogue.English.Has(code))
            throw new ArgumentException($"'{code}' is not a message code of the English catalogue", nameof(code));
        foreach (var (name, value) in values)
        {
            if (value is not (double or int or long or string or DateOnly or Reason))
                throw new ArgumentException($"value '{name}' of '{code}' is a {value.GetType().Name}; reasons hold numbers, text, dates and reasons", nameof(values));
        }
        return new Reason(code, values);
    }

    /// <summary>Text that is data, not a sentence of ours (a name, a register's note): shown as it is in every language.</summary>
    public static Reason Plain(string text) => Of("general.text", ("text", text));

    /// <summary>
    /// A fixed word for a value of a kind (<c>prefix.value</c>, e.g. <c>scheme.ve-bonus</c>, <c>status.law</c>), whose English text is
    /// the value as scripts see it; a value without a code is shown as it is.
    /// </summary>
    public static Reason Word(string prefix, string value) =>
        MessageCatalogue.English.Has($"{prefix}.{value}") ? Of($"{prefix}.{value}") : Plain(value);

    /// <summary>"subject: reason", e.g. a plant's id before why it is not covered.</summary>
    public static Reason About(string subject, Reason reason) => Of("general.about", ("subject", subject), ("reason", reason));

    /// <summary>Several reasons in one, separated by semicolons (empty text for none).</summary>
    public static Reason Join(IEnumerable<Reason> reasons)
    {
        var list = reasons.ToList();
        if (list.Count == 0)
            return Plain("");
        var joined = list[^1];
        for (var i = list.Count - 2; i >= 0; i--)
            joined = Of("general.list", ("first", list[i]), ("rest", joined));
        return joined;
    }

    /// <summary>Values to choose from, "a, b or c" in the language's words (the values themselves as they are).</summary>
    public static Reason Alternatives(IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
            return Plain("");
        var joined = Plain(list[^1]);
        for (var i = list.Count - 2; i >= 0; i--)
            joined = Of(i == list.Count - 2 ? "general.or" : "general.and", ("first", list[i]), ("rest", joined));
        return joined;
    }

    /// <summary>The value of the given name, or null.</summary>
    public object? this[string name] => Array.Find(_values, v => v.Name == name) is { Name: not null } found ? found.Value : null;

    public string Render(MessageCatalogue catalogue) => catalogue.Render(this);

    public override string ToString() => Text;

    public bool Equals(Reason? other) =>
        other is not null && Code == other.Code && _values.Length == other._values.Length
        && _values.Zip(other._values).All(p => p.First.Name == p.Second.Name && Equals(p.First.Value, p.Second.Value));

    public override bool Equals(object? obj) => obj is Reason other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Code, _values.Length);
}
