using System.Buffers.Binary;
using System.Text;

namespace Iomete.Iceberg.Manifests.Avro;

/// <summary>Avro binary encoding primitives: zigzag varints, length-prefixed bytes, little-endian floats.</summary>
internal sealed class AvroBinaryWriter(Stream stream)
{
    public void Long(long value)
    {
        var n = (ulong)((value << 1) ^ (value >> 63));
        while (n >= 0x80)
        {
            stream.WriteByte((byte)(n | 0x80));
            n >>= 7;
        }
        stream.WriteByte((byte)n);
    }

    public void Bool(bool value) => stream.WriteByte(value ? (byte)1 : (byte)0);

    public void Float(float value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, value);
        stream.Write(b);
    }

    public void Double(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        stream.Write(b);
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Long(value.Length);
        stream.Write(value);
    }

    public void String(string value) => Bytes(Encoding.UTF8.GetBytes(value));

    public void Fixed(ReadOnlySpan<byte> value) => stream.Write(value);
}

/// <summary>Reads the Avro binary encoding from a buffer; a truncated buffer is a format error.</summary>
internal sealed class AvroBinaryReader(byte[] buffer, int offset = 0)
{
    public int Position { get; private set; } = offset;

    public bool AtEnd => Position >= buffer.Length;

    public long Long()
    {
        ulong n = 0;
        var shift = 0;
        while (true)
        {
            var b = Take(1)[0];
            n |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
            shift += 7;
            if (shift > 63)
            {
                throw new AvroFormatException("Varint is too long");
            }
        }
        return (long)(n >> 1) ^ -(long)(n & 1);
    }

    public bool Bool() => Take(1)[0] != 0;

    public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public byte[] Bytes()
    {
        var length = Long();
        if (length < 0)
        {
            throw new AvroFormatException($"Negative length {length}");
        }
        return Take(checked((int)length)).ToArray();
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    public byte[] Fixed(int size) => Take(size).ToArray();

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || Position + count > buffer.Length)
        {
            throw new AvroFormatException("Unexpected end of Avro data");
        }
        var span = buffer.AsSpan(Position, count);
        Position += count;
        return span;
    }
}
