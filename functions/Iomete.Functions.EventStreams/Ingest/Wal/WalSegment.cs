namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>One segment file of the log and what retiring it needs: the newest record per table and the keys it holds.</summary>
internal sealed class WalSegment(string path, long firstLsn)
{
    public string Path { get; } = path;

    public long FirstLsn { get; } = firstLsn;

    /// <summary>Newest record per table (target and dead-letter tables alike).</summary>
    public Dictionary<string, long> NewestByTable { get; } = new(StringComparer.Ordinal);

    public List<IdempotencyRecord> Keys { get; } = [];

    public void Add(WalEntry entry)
    {
        if (entry.RowCount > 0 || entry.DeadLetterCount == 0)
        {
            NewestByTable[entry.Table] = entry.Lsn;
        }
        if (entry.DeadLetterTable is { } deadLetter && entry.DeadLetterCount > 0)
        {
            NewestByTable[deadLetter] = entry.Lsn;
        }
        if (IdempotencyRecord.From(entry) is { } key)
        {
            Keys.Add(key);
        }
    }

    public static string FileName(long firstLsn) => $"{firstLsn:D20}.wal";
}
