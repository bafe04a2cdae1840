using System.Text;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.IcebergRest.Idempotency;

/// <summary>
/// A final response kept for replay: a body with status and ETag, or an Iceberg error (kept as its
/// status, type and message and thrown again on replay so the error writer renders it the same way).
/// </summary>
internal sealed record StoredResponse(int Status, string ContentType, string? ETag, string? Body)
{
    private const string ErrorContent = "error";

    /// <summary>What to keep of a result, or null when it cannot be replayed (then the key is released).</summary>
    public static StoredResponse? From(IActionResult result) => result switch
    {
        IcebergJsonResult json => new StoredResponse(json.Status, "application/json", json.ETag, Encoding.UTF8.GetString(json.Body.Span)),
        StatusOnlyResult status => new StoredResponse(status.Status, "", null, null),
        IJsonBody body => new StoredResponse(body.Status, "application/json", null, body.Serialize()),
        _ => null,
    };

    public static StoredResponse FromError(ApiException error) =>
        new(error.Status, ErrorContent, null, JsonSerializer.Serialize(new[] { error.ErrorCode, error.Title, error.Detail ?? "" }));

    public IActionResult Replay()
    {
        if (ContentType == ErrorContent)
        {
            var parts = JsonSerializer.Deserialize<string[]>(Body ?? "[]") ?? [];
            throw new ApiException(Status, parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2));
        }
        return Body is null ? new StatusOnlyResult(Status) : new IcebergJsonResult(Status, Encoding.UTF8.GetBytes(Body), ETag);
    }
}
