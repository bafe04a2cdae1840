namespace Iomete.Functions.EventStreams.Ingest.Wal;

/// <summary>
/// One acknowledged request as the write-ahead log keeps it: its normalized rows for the target table and, when the
/// stream dead-letters bad rows, those rows for the dead-letter table. <see cref="Lsn"/> is assigned by the log.
/// </summary>
internal sealed record WalEntry
{
    public long Lsn { get; init; }

    public required long AckTimeMs { get; init; }

    public required string RequestId { get; init; }

    /// <summary>Target table as <c>catalog.database.table</c>.</summary>
    public required string Table { get; init; }

    /// <summary>Newline-delimited JSON, one normalized row per line.</summary>
    public required ReadOnlyMemory<byte> Rows { get; init; }

    public required int RowCount { get; init; }

    public string? DeadLetterTable { get; init; }

    public ReadOnlyMemory<byte> DeadLetterRows { get; init; }

    public int DeadLetterCount { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the request body when a key was given (a reused key with another body is refused).</summary>
    public ReadOnlyMemory<byte> Fingerprint { get; init; }

    public long PayloadBytes => Rows.Length + DeadLetterRows.Length;
}
