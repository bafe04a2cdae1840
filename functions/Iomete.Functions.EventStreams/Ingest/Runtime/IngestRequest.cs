using Iomete.Functions.EventStreams.Ingest.Rows;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>One ingest call as the pipeline takes it: the table's shape, the (decoded) body and the client's key.</summary>
internal sealed record IngestRequest(TableShape Shape, ReadOnlyMemory<byte> Body, bool Ndjson, string? IdempotencyKey);

/// <summary>The answer: how many events were accepted and dead-lettered, and whether it repeats an earlier answer.</summary>
internal sealed record IngestResult(string RequestId, int Events, int DeadLettered, bool Replayed, IReadOnlyList<RowError> Errors);
