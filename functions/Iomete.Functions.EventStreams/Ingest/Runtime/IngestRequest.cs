using Iomete.Functions.EventStreams.Ingest.Rows;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>One ingest call as the pipeline takes it: the table's shape, the (decoded) body and the client's key.</summary>
internal sealed record IngestRequest(TableShape Shape, ReadOnlyMemory<byte> Body, bool Ndjson, string? IdempotencyKey);
