using System.Text.Json;
using System.Text.Json.Serialization;

namespace VeSiting.Core.Explanations;

/// <summary>
/// Writes a reason as <c>{"code": …, "values": {…}, "text": …}</c>: the code and values for clients that render it in
/// their own language, and the text in the answer's language (<see cref="MessageCatalogue.Current"/>, English unless
/// the front end chose another) for those that show the sentence. Reasons are answers, never read back.
/// </summary>
public sealed class ReasonJsonConverter : JsonConverter<Reason>
{
    public override Reason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("reasons are written by answers, not read");

    public override void Write(Utf8JsonWriter writer, Reason value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteStartObject("values");
        foreach (var (name, v) in value.Values)
        {
            writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(name) ?? name);
            switch (v)
            {
                case double d: writer.WriteNumberValue(Math.Round(d, 6)); break;
                case int n: writer.WriteNumberValue(n); break;
                case long n: writer.WriteNumberValue(n); break;
                case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
                case Reason nested: Write(writer, nested, options); break;
                default: writer.WriteStringValue(v.ToString()); break;
            }
        }
        writer.WriteEndObject();
        writer.WriteString("text", MessageCatalogue.Current.Render(value));
        writer.WriteEndObject();
    }
}
