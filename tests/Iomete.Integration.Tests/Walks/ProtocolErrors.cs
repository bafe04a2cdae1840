using System.Text.Json;

namespace Iomete.Integration.Tests.Walks;

/// <summary>
/// Routes whose standard defines its own error body: SCIM 2.0 (RFC 7644 §3.12, <c>application/scim+json</c> with the
/// Error schema) and the OAuth 2.0 token endpoint (RFC 6749 §5.2, <c>{"error": "..."}</c>).
/// </summary>
internal static class ProtocolErrors
{
    private const string ScimError = "urn:ietf:params:scim:api:messages:2.0:Error";

    /// <summary>Null when the route is not a protocol route; "" when the body has the protocol's shape; else why not.</summary>
    public static string? Shape(string url, string? mediaType, string body)
    {
        if (url.StartsWith("/api/v1/identity/scim/v2/", StringComparison.Ordinal))
        {
            if (mediaType != "application/scim+json")
            {
                return $"with {mediaType} instead of application/scim+json";
            }
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("schemas").EnumerateArray().Any(s => s.GetString() == ScimError)
                && json.RootElement.TryGetProperty("status", out _) ? "" : "without a SCIM error";
        }
        if (url.StartsWith("/api/v1/identity/oidc/token", StringComparison.Ordinal))
        {
            if (mediaType != "application/json")
            {
                return $"with {mediaType} instead of application/json";
            }
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? "" : "without an OAuth2 error";
        }
        return null;
    }
}
