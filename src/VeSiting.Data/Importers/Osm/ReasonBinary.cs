using VeSiting.Core.Explanations;

namespace VeSiting.Data.Importers.Osm;

/// <summary>
/// A reason (code and values, nested reasons too) in the extract cache's binary form, so a cached finding is rendered in
/// the report's language like a fresh one. A code the catalogue no longer has makes the cache unreadable (rebuilt).
/// </summary>
internal static class ReasonBinary
{
    private const byte Double = 0, Int = 1, Long = 2, Text = 3, Date = 4, Nested = 5;

    public static void Write(BinaryWriter w, Reason reason)
    {
        w.Write(reason.Code);
        w.Write(reason.Values.Count);
        foreach (var (name, value) in reason.Values)
        {
            w.Write(name);
            switch (value)
            {
                case double d: w.Write(Double); w.Write(d); break;
                case int n: w.Write(Int); w.Write(n); break;
                case long n: w.Write(Long); w.Write(n); break;
                case DateOnly date: w.Write(Date); w.Write(date.DayNumber); break;
                case Reason nested: w.Write(Nested); Write(w, nested); break;
                default: w.Write(Text); w.Write(value.ToString() ?? ""); break;
            }
        }
    }

    public static Reason Read(BinaryReader r)
    {
        var code = r.ReadString();
        var values = new (string Name, object Value)[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            var name = r.ReadString();
            values[i] = (name, r.ReadByte() switch
            {
                Double => r.ReadDouble(),
                Int => r.ReadInt32(),
                Long => r.ReadInt64(),
                Text => r.ReadString(),
                Date => DateOnly.FromDayNumber(r.ReadInt32()),
                Nested => Read(r),
                var kind => throw new InvalidDataException($"unknown value kind {kind} in a cached reason"),
            });
        }
        return Reason.Of(code, values);
    }
}
