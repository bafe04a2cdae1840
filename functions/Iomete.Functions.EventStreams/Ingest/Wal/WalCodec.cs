using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>
/// The on-disk record: <c>u32 length, u32 crc32(body), body</c>. A zero length ends a segment (segments are
/// preallocated with zeros); a length or checksum that does not hold marks a torn tail, which replay stops at.
/// </summary>
internal static class WalCodec
{
    public const int HeaderBytes = 8;
    private const byte Version = 1;

    public static void Write(IBufferWriter<byte> output, WalEntry entry)
    {
        var bodyLength = 1 + 8 + 8 + Str(entry.RequestId) + Str(entry.Table) + Str(entry.IdempotencyKey) + 1 + entry.Fingerprint.Length
            + 4 + 4 + entry.Rows.Length + Str(entry.DeadLetterTable) + 4 + 4 + entry.DeadLetterRows.Length;
        var span = output.GetSpan(HeaderBytes + bodyLength)[..(HeaderBytes + bodyLength)];
        var body = span[HeaderBytes..];
        var at = 0;
        body[at++] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(body[at..], entry.Lsn);
        at += 8;
        BinaryPrimitives.WriteInt64LittleEndian(body[at..], entry.AckTimeMs);
        at += 8;
        at += PutStr(body[at..], entry.RequestId);
        at += PutStr(body[at..], entry.Table);
        at += PutStr(body[at..], entry.IdempotencyKey);
        body[at++] = (byte)entry.Fingerprint.Length;
        entry.Fingerprint.Span.CopyTo(body[at..]);
        at += entry.Fingerprint.Length;
        at += PutBlock(body[at..], entry.RowCount, entry.Rows.Span);
        at += PutStr(body[at..], entry.DeadLetterTable);
        PutBlock(body[at..], entry.DeadLetterCount, entry.DeadLetterRows.Span);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(body));
        output.Advance(HeaderBytes + bodyLength);
    }

    /// <summary>Reads the record at the start of <paramref name="data"/>; false at the end of the log or a torn record.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out WalEntry entry, out int consumed)
    {
        entry = null!;
        consumed = 0;
        var span = data.Span;
        if (span.Length < HeaderBytes)
        {
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (length == 0 || length > span.Length - HeaderBytes)
        {
            return false;
        }
        var body = data.Slice(HeaderBytes, (int)length);
        if (Crc32.HashToUInt32(body.Span) != BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) || body.Span[0] != Version)
        {
            return false;
        }
        var b = body.Span;
        var at = 1;
        var lsn = BinaryPrimitives.ReadInt64LittleEndian(b[at..]);
        at += 8;
        var ack = BinaryPrimitives.ReadInt64LittleEndian(b[at..]);
        at += 8;
        var requestId = GetStr(b, ref at)!;
        var table = GetStr(b, ref at)!;
        var key = GetStr(b, ref at);
        int fingerprintLength = b[at++];
        var fingerprint = body.Slice(at, fingerprintLength);
        at += fingerprintLength;
        var (rowCount, rows) = GetBlock(body, ref at);
        var deadLetterTable = GetStr(b, ref at);
        var (deadCount, deadRows) = GetBlock(body, ref at);
        entry = new WalEntry
        {
            Lsn = lsn,
            AckTimeMs = ack,
            RequestId = requestId,
            Table = table,
            IdempotencyKey = key,
            Fingerprint = fingerprint,
            Rows = rows,
            RowCount = rowCount,
            DeadLetterTable = deadLetterTable,
            DeadLetterRows = deadRows,
            DeadLetterCount = deadCount,
        };
        consumed = HeaderBytes + (int)length;
        return true;
    }

    private static int Str(string? value) => 2 + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    private static int PutStr(Span<byte> target, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, ushort.MaxValue);
            return 2;
        }
        var written = Encoding.UTF8.GetBytes(value, target[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(target, checked((ushort)written));
        return 2 + written;
    }

    private static string? GetStr(ReadOnlySpan<byte> body, ref int at)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        at += 2;
        if (length == ushort.MaxValue)
        {
            return null;
        }
        var value = Encoding.UTF8.GetString(body.Slice(at, length));
        at += length;
        return value;
    }

    private static int PutBlock(Span<byte> target, int count, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target, count);
        BinaryPrimitives.WriteInt32LittleEndian(target[4..], bytes.Length);
        bytes.CopyTo(target[8..]);
        return 8 + bytes.Length;
    }

    private static (int Count, ReadOnlyMemory<byte> Bytes) GetBlock(ReadOnlyMemory<byte> body, ref int at)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(body.Span[at..]);
        var length = BinaryPrimitives.ReadInt32LittleEndian(body.Span[(at + 4)..]);
        var bytes = body.Slice(at + 8, length);
        at += 8 + length;
        return (count, bytes);
    }
}
