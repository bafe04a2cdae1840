namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>What an acknowledged request with an <c>Idempotency-Key</c> answered, so that its retry gets the same answer.</summary>
internal sealed record IdempotencyRecord(string Key, byte[] Fingerprint, string RequestId, int Events, int DeadLettered, long AckTimeMs)
{
    public static IdempotencyRecord? From(WalEntry entry) =>
        entry.IdempotencyKey is { } key
            ? new IdempotencyRecord(key, entry.Fingerprint.ToArray(), entry.RequestId, entry.RowCount, entry.DeadLetterCount, entry.AckTimeMs)
            : null;
}
