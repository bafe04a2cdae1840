namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>One acknowledged request's rows for one table, waiting for the table's next commit.</summary>
internal sealed record QueuedPart(long Lsn, ReadOnlyMemory<byte> Rows, int Count, long AckTimeMs)
{
    public long Bytes => Rows.Length;
}
