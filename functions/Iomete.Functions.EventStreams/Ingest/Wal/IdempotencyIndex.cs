using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>
/// The <c>Idempotency-Key</c>s a stream acknowledged inside its window. Keys of records still in the write-ahead log
/// come from replaying it; keys of retired segments are appended (fsynced) to <c>keys.log</c> before the segment is
/// deleted, so a retry after any crash finds its key. Keys in flight are tracked so that a concurrent duplicate is
/// refused (409) rather than written twice.
/// </summary>
internal sealed class IdempotencyIndex : IDisposable
{
    private readonly string path;
    private readonly TimeSpan window;
    private readonly int maxKeys;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, IdempotencyRecord> byKey = new(StringComparer.Ordinal);
    private readonly Queue<IdempotencyRecord> byAge = new();
    private readonly HashSet<string> inFlight = new(StringComparer.Ordinal);
    private FileStream? log;

    public IdempotencyIndex(string directory, TimeSpan window, int maxKeys, TimeProvider time)
    {
        path = Path.Combine(directory, "keys.log");
        this.window = window;
        this.maxKeys = maxKeys;
        this.time = time;
        LoadAndCompact();
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byKey.Count;
            }
        }
    }

    /// <summary>The remembered answer for <paramref name="key"/>, or null after claiming it (then <see cref="Complete"/> or <see cref="Release"/> must follow).</summary>
    /// <returns>False when a request with the same key is in flight.</returns>
    public bool TryClaim(string key, out IdempotencyRecord? known)
    {
        lock (gate)
        {
            Expire();
            if (byKey.TryGetValue(key, out known))
            {
                return true;
            }
            return inFlight.Add(key);
        }
    }

    /// <summary>Remembers an acknowledged request (also used while replaying the log).</summary>
    public void Complete(IdempotencyRecord record)
    {
        lock (gate)
        {
            inFlight.Remove(record.Key);
            if (byKey.TryAdd(record.Key, record))
            {
                byAge.Enqueue(record);
            }
        }
    }

    public void Release(string key)
    {
        lock (gate)
        {
            inFlight.Remove(key);
        }
    }

    /// <summary>Appends keys of a retiring log segment to <c>keys.log</c> and fsyncs it.</summary>
    public void Persist(IReadOnlyList<IdempotencyRecord> records)
    {
        var live = records.Where(r => r.AckTimeMs > NowMs() - (long)window.TotalMilliseconds).ToList();
        if (live.Count == 0)
        {
            return;
        }
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var record in live)
        {
            Encode(buffer, record);
        }
        lock (gate)
        {
            log ??= new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
            log.Write(buffer.WrittenSpan);
            log.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            log?.Dispose();
            log = null;
        }
    }

    private void Expire()
    {
        var oldest = NowMs() - (long)window.TotalMilliseconds;
        while (byAge.TryPeek(out var head) && (head.AckTimeMs < oldest || byAge.Count > maxKeys))
        {
            byAge.Dequeue();
            byKey.Remove(head.Key);
        }
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private void LoadAndCompact()
    {
        if (!File.Exists(path))
        {
            return;
        }
        ReadOnlySpan<byte> data = File.ReadAllBytes(path);
        var oldest = NowMs() - (long)window.TotalMilliseconds;
        var kept = new List<IdempotencyRecord>();
        while (TryDecode(ref data, out var record))
        {
            if (record.AckTimeMs >= oldest)
            {
                kept.Add(record);
            }
        }
        foreach (var record in kept.OrderBy(r => r.AckTimeMs))
        {
            Complete(record);
        }
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var record in byAge)
        {
            Encode(buffer, record);
        }
        DurableFiles.ReplaceAtomically(path, buffer.WrittenSpan);
    }

    private static void Encode(ArrayBufferWriter<byte> output, IdempotencyRecord record)
    {
        var key = Encoding.UTF8.GetBytes(record.Key);
        var request = Encoding.UTF8.GetBytes(record.RequestId);
        var length = 2 + key.Length + 1 + record.Fingerprint.Length + 2 + request.Length + 4 + 4 + 8;
        var span = output.GetSpan(8 + length)[..(8 + length)];
        var body = span[8..];
        var at = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(body[at..], (ushort)key.Length);
        key.CopyTo(body[(at += 2)..]);
        at += key.Length;
        body[at++] = (byte)record.Fingerprint.Length;
        record.Fingerprint.CopyTo(body[at..]);
        at += record.Fingerprint.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(body[at..], (ushort)request.Length);
        request.CopyTo(body[(at += 2)..]);
        at += request.Length;
        BinaryPrimitives.WriteInt32LittleEndian(body[at..], record.Events);
        BinaryPrimitives.WriteInt32LittleEndian(body[(at += 4)..], record.DeadLettered);
        BinaryPrimitives.WriteInt64LittleEndian(body[(at += 4)..], record.AckTimeMs);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(body));
        output.Advance(8 + length);
    }

    private static bool TryDecode(ref ReadOnlySpan<byte> data, out IdempotencyRecord record)
    {
        record = null!;
        if (data.Length < 8)
        {
            return false;
        }
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length <= 0 || length > data.Length - 8 || Crc32.HashToUInt32(data.Slice(8, length)) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..]))
        {
            return false;
        }
        var body = data.Slice(8, length);
        var at = 0;
        int keyLength = BinaryPrimitives.ReadUInt16LittleEndian(body);
        var key = Encoding.UTF8.GetString(body.Slice(at += 2, keyLength));
        at += keyLength;
        int fingerprintLength = body[at++];
        var fingerprint = body.Slice(at, fingerprintLength).ToArray();
        at += fingerprintLength;
        int requestLength = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        var request = Encoding.UTF8.GetString(body.Slice(at += 2, requestLength));
        at += requestLength;
        var events = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        var dead = BinaryPrimitives.ReadInt32LittleEndian(body[(at += 4)..]);
        var ack = BinaryPrimitives.ReadInt64LittleEndian(body[(at += 4)..]);
        record = new IdempotencyRecord(key, fingerprint, request, events, dead, ack);
        data = data[(8 + length)..];
        return true;
    }
}
