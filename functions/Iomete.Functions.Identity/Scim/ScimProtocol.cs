using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.Identity.Scim;

/// <summary>SCIM 2.0 names (RFC 7643/7644).</summary>
public static class ScimPaths
{
    public const string Base = "/api/v1/identity/scim/v2";
    public const string Route = "api/v1/identity/scim/v2";
    public const string MediaType = "application/scim+json";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string IdpOrigin = "IDP";
}

/// <summary>A SCIM error with its <c>scimType</c> (RFC 7644 §3.12), carried through the platform's one error mapper.</summary>
public sealed class ScimException(int status, string? scimType, string detail)
    : ApiException(status, scimType is null ? CodeFor(status) : ScimException.CodePrefix + scimType, "SCIM error", detail)
{
    public const string CodePrefix = "SCIM_";

    public static ScimException InvalidFilter(string detail) => new(400, "invalidFilter", detail);

    public static ScimException InvalidValue(string detail) => new(400, "invalidValue", detail);

    public static ScimException InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);

    public static ScimException Mutability(string detail) => new(400, "mutability", detail);

    public static ScimException NoTarget(string detail) => new(400, "noTarget", detail);

    public static ScimException InvalidPath(string detail) => new(400, "invalidPath", detail);

    public static ScimException Uniqueness(string detail) => new(409, "uniqueness", detail);

    public static ScimException NotFound(string kind, string id) => new(404, null, $"{kind} '{id}' was not found.");

    private static string CodeFor(int status) => status switch
    {
        404 => ErrorCodes.NotFound,
        409 => ErrorCodes.Conflict,
        412 => ErrorCodes.PreconditionFailed,
        _ => ErrorCodes.Validation,
    };
}

/// <summary>
/// Writes every error under the SCIM base as SCIM's error message (schemas, status as a string, scimType, detail)
/// in <c>application/scim+json</c>, also the platform's own 401/403/415 and routing misses.
/// </summary>
internal sealed class ScimErrorBodyWriter : IErrorBodyWriter
{
    private static readonly PathString Prefix = new(ScimPaths.Base);

    public bool Handles(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public async Task WriteBodyAsync(Problem problem, HttpContext context)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimPaths.ErrorSchema),
            ["status"] = problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (ScimType(problem) is { } scimType)
        {
            body["scimType"] = scimType;
        }
        body["detail"] = problem.Detail ?? problem.Title;
        context.Response.ContentType = ScimPaths.MediaType;
        await context.Response.WriteAsync(body.ToJsonString(), CancellationToken.None);
    }

    private static string? ScimType(Problem problem) => problem.ErrorCode switch
    {
        var code when code.StartsWith(ScimException.CodePrefix, StringComparison.Ordinal) => code[ScimException.CodePrefix.Length..],
        ErrorCodes.Validation when problem.Status == 400 && problem.Detail?.StartsWith("Malformed JSON", StringComparison.Ordinal) == true => "invalidSyntax",
        ErrorCodes.Validation when problem.Status == 400 => "invalidValue",
        ErrorCodes.Conflict => "uniqueness",
        _ => null,
    };
}

/// <summary>A SCIM resource or message in <c>application/scim+json</c>, with Location and ETag when given.</summary>
internal sealed class ScimResult(int status, JsonNode body, string? location = null, string? etag = null) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = ScimPaths.MediaType;
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }
        await response.WriteAsync(body.ToJsonString(), context.HttpContext.RequestAborted);
    }
}

internal static class Scim
{
    private const int MaxBody = 1024 * 1024;

    /// <summary>Every SCIM route: a user or service account (session or access token) holding IAM_MANAGER.</summary>
    public static async Task<Caller> RequireCallerAsync(ICallerAccessor callers, HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        return caller;
    }

    public static string ETag(int version) => $"W/\"{version}\"";

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The request body as a JSON object (both application/scim+json and application/json).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, ErrorCodes.UnsupportedMediaType, "Unsupported media type", $"Expected '{ScimPaths.MediaType}' or 'application/json', got '{type}'.");
        }
        using var memory = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (memory.Length + read > MaxBody)
            {
                throw new PayloadTooLargeException(MaxBody);
            }
            memory.Write(buffer, 0, read);
        }
        try
        {
            return JsonNode.Parse(memory.ToArray()) as JsonObject ?? throw ScimException.InvalidSyntax("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw ScimException.InvalidSyntax($"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>A member of <paramref name="o"/> by name, ignoring case (SCIM attribute names are case-insensitive).</summary>
    public static JsonNode? Get(JsonObject? o, string name)
    {
        if (o is null)
        {
            return null;
        }
        foreach (var (key, value) in o)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A boolean, also given as a string ("True", as some identity providers send it).</summary>
    public static bool? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        null => null,
        _ => throw ScimException.InvalidValue("A boolean was expected."),
    };

    /// <summary>startIndex (1-based; values below 1 count as 1) and count (default 10, at most 100).</summary>
    public static (int StartIndex, int Count) Paging(HttpRequest request)
    {
        var start = int.TryParse(request.Query["startIndex"], out var s) ? Math.Max(1, s) : 1;
        var count = int.TryParse(request.Query["count"], out var c) ? Math.Clamp(c, 0, 100) : 10;
        return (start, count);
    }

    public static JsonObject ListResponse(long total, int startIndex, IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimPaths.ListSchema),
        ["totalResults"] = total,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = resources.Count,
        ["Resources"] = new JsonArray(resources.Cast<JsonNode>().ToArray()),
    };
}
