using System.Collections.Concurrent;

namespace VeSiting.Core.Domain;

/// <summary>
/// A record's <see cref="RecordOrigin"/> kept lean for the national millions of OpenStreetMap records: where the sheet is
/// an OSM element (<c>node/123</c>, <c>way/…</c>, <c>relation/…</c>), the record keeps the row and the element as one
/// number and shares one (source, file) object with every record of its file; the origin is made again when read. Any
/// other origin is kept as it is.
/// </summary>
internal readonly struct CompactOrigin : IEquatable<CompactOrigin>
{
    private static readonly ConcurrentDictionary<(string SourceId, string File), SourceFile> Files = new();

    /// <summary>The whole <see cref="RecordOrigin"/>, or the <see cref="SourceFile"/> shared by the file's records.</summary>
    private readonly object _fullOrFile;
    private readonly int _row;
    private readonly long _element;

    private CompactOrigin(object fullOrFile, int row, long element) => (_fullOrFile, _row, _element) = (fullOrFile, row, element);

    public static CompactOrigin Of(RecordOrigin origin) =>
        origin.Sheet is { } sheet && OsmElement.TryKey(sheet, out var element)
            ? new CompactOrigin(Files.GetOrAdd((origin.SourceId, origin.File), key => new SourceFile(key.SourceId, key.File)), origin.Row, element)
            : new CompactOrigin(origin, 0, 0);

    public RecordOrigin Value => _fullOrFile as RecordOrigin ?? Made();

    private RecordOrigin Made()
    {
        var file = (SourceFile)_fullOrFile;
        return new RecordOrigin(file.SourceId, file.File, _row, OsmElement.Name(_element));
    }

    public bool Equals(CompactOrigin other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is CompactOrigin other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    private sealed record SourceFile(string SourceId, string File);
}

/// <summary>
/// A record id kept lean: <c>osm:node/123</c> (and way, relation) as one number, made again when read; any other id as it is.
/// </summary>
internal readonly struct CompactId : IEquatable<CompactId>
{
    private const string Prefix = "osm:";
    private readonly string? _text;
    private readonly long _element;

    private CompactId(string? text, long element) => (_text, _element) = (text, element);

    public static CompactId Of(string id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal) && OsmElement.TryKey(id.AsSpan(Prefix.Length), out var element) ? new CompactId(null, element) : new CompactId(id, 0);

    public string Value => _text ?? Prefix + OsmElement.Name(_element);

    public bool Equals(CompactId other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is CompactId other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}

/// <summary>An OSM element name (<c>way/123</c>) as one number: the id times four plus the kind (node 1, way 2, relation 3).</summary>
internal static class OsmElement
{
    private static readonly string[] Kinds = ["", "node/", "way/", "relation/"];

    public static bool TryKey(ReadOnlySpan<char> name, out long key)
    {
        key = 0;
        for (var kind = 1; kind < Kinds.Length; kind++)
        {
            if (!name.StartsWith(Kinds[kind], StringComparison.Ordinal))
                continue;
            var digits = name[Kinds[kind].Length..];
            // Only the canonical form (no sign, no leading zero) comes back the same from Name.
            if (digits.Length is 0 or > 17 || (digits[0] == '0' && digits.Length > 1) || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return false;
            key = id * 4 + kind;
            return true;
        }
        return false;
    }

    public static string Name(long key) => Kinds[(int)(key & 3)] + (key >> 2).ToString(CultureInfo.InvariantCulture);
}
