using System.Buffers.Text;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// A growable byte buffer the normalizer writes JSON into by hand (values it checked are copied as their raw tokens),
/// with <see cref="Truncate"/> so a row that turns out bad leaves no trace.
/// </summary>
internal sealed class RowBuffer(int capacity)
{
    private byte[] buffer = new byte[Math.Max(256, capacity)];
    private int length;

    public int Length => length;

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Truncate(int at) => length = at;

    public void Byte(byte value)
    {
        Ensure(1);
        buffer[length++] = value;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(buffer.AsSpan(length));
        length += value.Length;
    }

    /// <summary>A JSON string whose content is already valid JSON string content (a raw token from the request).</summary>
    public void Quoted(ReadOnlySpan<byte> rawContent)
    {
        Ensure(rawContent.Length + 2);
        buffer[length++] = (byte)'"';
        rawContent.CopyTo(buffer.AsSpan(length));
        length += rawContent.Length;
        buffer[length++] = (byte)'"';
    }

    /// <summary>Any UTF-8 text as a JSON string, escaping quotes, backslashes and control characters.</summary>
    public void Escaped(ReadOnlySpan<byte> text)
    {
        Byte((byte)'"');
        while (text.Length > 0)
        {
            var next = text.IndexOfAny(Specials);
            if (next < 0)
            {
                Bytes(text);
                break;
            }
            Bytes(text[..next]);
            var c = text[next];
            switch (c)
            {
                case (byte)'"':
                    Bytes("\\\""u8);
                    break;
                case (byte)'\\':
                    Bytes("\\\\"u8);
                    break;
                case (byte)'\n':
                    Bytes("\\n"u8);
                    break;
                case (byte)'\r':
                    Bytes("\\r"u8);
                    break;
                case (byte)'\t':
                    Bytes("\\t"u8);
                    break;
                default:
                    Bytes("\\u00"u8);
                    Byte(Hex[c >> 4]);
                    Byte(Hex[c & 0xF]);
                    break;
            }
            text = text[(next + 1)..];
        }
        Byte((byte)'"');
    }

    public void Long(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, buffer.AsSpan(length), out var written);
        length += written;
    }

    public void Double(double value)
    {
        Ensure(32);
        value.TryFormat(buffer.AsSpan(length), out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
        length += written;
    }

    public void Formatted<T>(T value, ReadOnlySpan<char> format) where T : IUtf8SpanFormattable
    {
        Ensure(64);
        value.TryFormat(buffer.AsSpan(length), out var written, format, System.Globalization.CultureInfo.InvariantCulture);
        length += written;
    }

    private void Ensure(int more)
    {
        if (length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }

    private static readonly System.Buffers.SearchValues<byte> Specials = System.Buffers.SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;
}
