using System.Text;
using Iomete.Functions.EventStreams.Ingest.Wal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

public sealed class WriteAheadLogTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "wal-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static WalEntry Entry(string table, string rows, string? key = null) => new()
    {
        AckTimeMs = 1_700_000_000_000,
        RequestId = Guid.NewGuid().ToString("N"),
        Table = table,
        Rows = Encoding.UTF8.GetBytes(rows),
        RowCount = rows.Count(c => c == '\n'),
        IdempotencyKey = key,
        Fingerprint = key is null ? default : new byte[32],
    };

    [Fact]
    public async Task Appends_AreReplayedInLsnOrder_AfterReopen()
    {
        var seen = new List<long>();
        await using (var wal = WriteAheadLog.Open(directory, 1 << 20, e => seen.AddRange(e.Select(x => x.Lsn)), NullLogger.Instance, out var none))
        {
            Assert.Empty(none);
            var appended = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => wal.AppendAsync(Entry("c.d.t", $"{{\"i\":{i}}}\n", key: i % 2 == 0 ? $"k{i}" : null), CancellationToken.None)));
            Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), appended.Select(e => e.Lsn).Order());
        }
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seen);
        await using var reopened = WriteAheadLog.Open(directory, 1 << 20, _ => { }, NullLogger.Instance, out var replayed);
        Assert.Equal(200, replayed.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), replayed.Select(e => e.Lsn));
        Assert.Equal(100, replayed.Count(e => e.IdempotencyKey is not null));
        var next = await reopened.AppendAsync(Entry("c.d.t", "{}\n"), CancellationToken.None);
        Assert.Equal(201, next.Lsn);
    }

    [Fact]
    public async Task TornTail_IsIgnored_AndEarlierRecordsSurvive()
    {
        await using (var wal = WriteAheadLog.Open(directory, 1 << 20, _ => { }, NullLogger.Instance, out _))
        {
            for (var i = 0; i < 5; i++)
            {
                await wal.AppendAsync(Entry("c.d.t", $"{{\"i\":{i}}}\n"), CancellationToken.None);
            }
        }
        var segment = Directory.GetFiles(Path.Combine(directory), "*.wal").Single();
        var bytes = File.ReadAllBytes(segment);
        var end = Array.FindLastIndex(bytes, b => b != 0) + 1;
        // Corrupt the last record's final byte as a crash in the middle of a write would.
        bytes[end - 1] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
        await using var reopened = WriteAheadLog.Open(directory, 1 << 20, _ => { }, NullLogger.Instance, out var replayed);
        Assert.Equal([1L, 2, 3, 4], replayed.Select(e => e.Lsn));
        var next = await reopened.AppendAsync(Entry("c.d.t", "{}\n"), CancellationToken.None);
        Assert.Equal(5, next.Lsn);
    }

    [Fact]
    public async Task Retire_DeletesOnlySegmentsWhoseTablesCommittedEverything_AndHandsOverTheirKeys()
    {
        var persisted = new List<IdempotencyRecord>();
        await using var wal = WriteAheadLog.Open(directory, 4096, _ => { }, NullLogger.Instance, out _);
        var payload = new string('x', 1500);
        for (var i = 0; i < 10; i++)
        {
            await wal.AppendAsync(Entry(i % 2 == 0 ? "c.d.a" : "c.d.b", $"{{\"p\":\"{payload}\"}}\n", key: $"key-{i}"), CancellationToken.None);
        }
        var before = wal.SegmentCount;
        Assert.True(before >= 4);
        wal.Retire(table => table == "c.d.a" ? 9 : 0, persisted.AddRange);
        Assert.Equal(before, wal.SegmentCount);
        wal.Retire(_ => 10, persisted.AddRange);
        Assert.Equal(1, wal.SegmentCount);
        Assert.Equal(10 - persisted.Count, wal.SegmentCount == 1 ? 10 - persisted.Count : -1);
        Assert.All(persisted, r => Assert.StartsWith("key-", r.Key));
        Assert.True(persisted.Count >= 8);
    }
}
