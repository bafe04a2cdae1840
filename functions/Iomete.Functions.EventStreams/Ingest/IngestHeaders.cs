using Iomete.Engine.Catalogs;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>The ingest request's headers: <c>table</c>, <c>Idempotency-Key</c> and the body format.</summary>
internal static class IngestHeaders
{
    public const string TableHeader = "table";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static TableIdent Table(HttpRequest request)
    {
        var value = request.Headers[TableHeader].ToString().Trim();
        if (value.Length == 0)
        {
            throw ValidationException.ForField(TableHeader, "The 'table' header is required: catalog.database.table");
        }
        var parts = value.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Length > 255 || p.Any(char.IsControl)))
        {
            throw ValidationException.ForField(TableHeader, $"'{Clip(value)}' is not catalog.database.table");
        }
        return new TableIdent(parts[0], parts[1], parts[2]);
    }

    /// <summary>The client's key (IETF draft-ietf-httpapi-idempotency-key-header: a string, here 1–255 printable ASCII characters).</summary>
    public static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            return null;
        }
        var key = values.ToString().Trim().Trim('"');
        if (key.Length is 0 or > 255 || key.Any(c => c is < ' ' or > '~'))
        {
            throw ValidationException.ForField(IdempotencyKeyHeader, "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    /// <summary>
    /// True for NDJSON; false for JSON (also when no type is sent, and for curl's default form type and text/plain, which
    /// clients send by accident: the body must still be JSON); 415 for anything else.
    /// </summary>
    public static bool IsNdjson(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        return type switch
        {
            "" or "application/json" or "text/json" or "text/plain" or "application/x-www-form-urlencoded" => false,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => true,
            _ => throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                $"Content-Type '{type}' is not accepted; send application/json (an array of objects or one object) or application/x-ndjson."),
        };
    }

    private static string Clip(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
