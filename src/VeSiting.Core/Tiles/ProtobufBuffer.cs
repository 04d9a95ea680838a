using System.Buffers.Binary;
using System.Text;

namespace VeSiting.Core.Tiles;

/// <summary>A growable byte buffer with the protocol-buffer primitives a vector tile needs (varints, zigzag, fixed64, strings).</summary>
internal sealed class ProtobufBuffer(int capacity = 1024)
{
    private byte[] _bytes = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    public static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    public void Byte(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _bytes[Length++] = (byte)value;
    }

    public void Fixed64(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    /// <summary>A length-delimited UTF-8 string (the field tag is written by the caller).</summary>
    public void String(string value)
    {
        var size = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)size);
        Ensure(size);
        Length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length));
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_bytes.AsSpan(Length));
        Length += value.Length;
    }

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
    }
}
