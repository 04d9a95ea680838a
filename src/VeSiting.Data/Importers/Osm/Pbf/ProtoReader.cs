namespace VeSiting.Data.Importers.Osm.Pbf;

/// <summary>
/// Reads protocol-buffer wire format from a span: varints, zigzag integers, length-delimited fields and skipping the
/// fields a reader does not need. Every read checks the span's end, so a cut or corrupt message throws
/// <see cref="InvalidDataException"/> instead of reading past it.
/// </summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _at;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _at = 0;
    }

    public readonly bool End => _at >= _data.Length;

    /// <summary>The next field's number and wire type (0 varint, 1 64-bit, 2 length-delimited, 5 32-bit).</summary>
    public (int Field, int WireType) Tag()
    {
        var key = Varint();
        return ((int)(key >> 3), (int)(key & 7));
    }

    public ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_at >= _data.Length)
                throw new InvalidDataException("a number runs past the end of its message");
            var b = _data[_at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
        throw new InvalidDataException("a number longer than ten bytes");
    }

    public int Int32() => (int)Varint();

    public long Int64() => (long)Varint();

    /// <summary>A zigzag-coded signed number (<c>sint32</c>, <c>sint64</c>).</summary>
    public long SInt64()
    {
        var v = Varint();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = Varint();
        if (length > (ulong)(_data.Length - _at))
            throw new InvalidDataException($"a field of {length:N0} bytes runs past the end of its message");
        var bytes = _data.Slice(_at, (int)length);
        _at += (int)length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                Varint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                Bytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new InvalidDataException($"unknown protocol-buffer wire type {wireType}");
        }
    }

    /// <summary>How many varints a packed field holds (the bytes that end one: high bit clear).</summary>
    public static int CountVarints(ReadOnlySpan<byte> packed)
    {
        var count = 0;
        foreach (var b in packed)
        {
            if (b < 0x80)
                count++;
        }
        return count;
    }

    private void Advance(int bytes)
    {
        if (bytes > _data.Length - _at)
            throw new InvalidDataException("a fixed-size field runs past the end of its message");
        _at += bytes;
    }
}
