using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>What an accepted request got: its id, the events written and dead-lettered (with why), and whether it repeats an earlier answer.</summary>
public sealed record IngestResponse(string RequestId, int Events, int DeadLettered, bool Replayed, IReadOnlyList<RowError> Errors);

/// <summary>
/// IOMETE's ingest endpoint. The answer 200 comes only after the events are in the stream's fsynced write-ahead log;
/// they are queryable after the table's next commit (at most the stream's commit interval later).
/// </summary>
public sealed class IngestEvents(ICallerAccessor callers, EventIngestion ingestion)
{
    [Function("eventstreams-ingest")]
    [OpenApiOperation("Event streams", "Send events to a table",
        Description = "Headers: `Authorization: <token>` (or Bearer, or X-API-Token), `table: catalog.database.table`, optional "
            + "`Idempotency-Key`, `Content-Type: application/json` (an array of objects or one object) or `application/x-ndjson`, "
            + "optional `Content-Encoding: gzip`. Fields match columns by name; unknown fields are ignored; nested values go to "
            + "string columns as JSON. 200 once durable; 400 malformed body, bad table header or rows that do not fit; 403 no CONSUME "
            + "on the stream or no INSERT on the table; 404; 409 same key in flight; 413; 422 key reused with another body; "
            + "429 backpressure (Retry-After); 503 stream not active or draining.")]
    [OpenApiResponse(200, typeof(IngestResponse))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "data-plane/{namespace}/event-stream/{stream}/ingest")] HttpRequest request,
        string @namespace,
        string stream,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var result = await ingestion.IngestAsync(caller, request, @namespace, stream, ct);
        if (result.Replayed)
        {
            request.HttpContext.Response.Headers[IngestHeaders.ReplayedHeader] = "true";
        }
        return ApiResults.Ok(result);
    }
}
