using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Platform.Errors;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>The ingest endpoint's refusals, as problem+json (IOMETE's status codes).</summary>
internal static class IngestErrors
{
    public static ApiException NotRunning(string stream, bool draining) => new(503, "EVENT_STREAM_UNAVAILABLE", "Service unavailable",
        draining
            ? $"Event stream '{stream}' is draining (shutting down); retry against another replica or after it restarts."
            : $"Event stream '{stream}' is not active; start it (POST …/event-streams/{{id}}/start) or wait until it is ACTIVE.")
    { RetryAfterSeconds = 5 };

    public static ApiException KeyInFlight(string key) =>
        new ConflictException($"A request with Idempotency-Key '{key}' is still being processed; retry after it finished.");

    public static ApiException KeyReused(string key) => new(422, "IDEMPOTENCY_KEY_REUSED", "Unprocessable content",
        $"Idempotency-Key '{key}' was already used with a different request body or table.");

    public static ApiException Busy(string stream, string reason, int retryAfterSeconds) =>
        new TooManyRequestsException($"Event stream '{stream}' is overloaded ({reason}); retry after {retryAfterSeconds} s.", retryAfterSeconds);

    public static ApiException Rows(NormalizedBody body)
    {
        var errors = body.Errors
            .GroupBy(e => $"rows[{e.Row}]" + (e.Column.Length == 0 ? "" : "." + e.Column))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return new ValidationException(
            $"{body.InvalidCount} of the request's rows do not fit the table; nothing was written"
            + (body.InvalidCount > body.Errors.Count ? $" (the first {body.Errors.Count} are listed)." : "."), errors);
    }
}
