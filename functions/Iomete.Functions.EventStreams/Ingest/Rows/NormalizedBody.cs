namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// A request body checked against its table: the rows to write (NDJSON, canonical values, plus <c>__ts__</c> as epoch
/// microseconds), the rows to dead-letter, and the problems found. <see cref="Malformed"/> is set when the body as a
/// whole is not what the endpoint accepts.
/// </summary>
internal sealed record NormalizedBody
{
    public required ReadOnlyMemory<byte> Rows { get; init; }

    public required int RowCount { get; init; }

    public ReadOnlyMemory<byte> DeadLetterRows { get; init; }

    public int DeadLetterCount { get; init; }

    /// <summary>All rows that did not fit (counted), of which at most the first 100 are listed in <see cref="Errors"/>.</summary>
    public int InvalidCount { get; init; }

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    public string? Malformed { get; init; }

    public static NormalizedBody Fail(string message) => new() { Rows = default, RowCount = 0, Malformed = message };
}
