using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Iomete.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>Answers of the browser and OAuth protocol routes, which are neither problem+json nor the API's camelCase JSON.</summary>
public static class ProtocolResults
{
    /// <summary>A 302 that is never cached.</summary>
    public static IActionResult Redirect(string location) => new Result(302, null, null, location, null);

    /// <summary>An HTML page with a strict Content-Security-Policy; <paramref name="formTargets"/> are extra origins a form may post or redirect to.</summary>
    public static IActionResult Html(int status, string html, string? formTarget = null, int? retryAfterSeconds = null)
    {
        var formAction = formTarget is null ? "'self'" : "'self' " + formTarget;
        var csp = $"default-src 'none'; style-src 'unsafe-inline'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
        return new Result(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), null, csp) { RetryAfter = retryAfterSeconds };
    }

    /// <summary>
    /// An error of a browser route: an HTML page for a browser (it asks for <c>text/html</c>), problem+json for any
    /// other client, like every API error.
    /// </summary>
    public static IActionResult ErrorPage(HttpRequest request, int status, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Html(status, LoginPage.Error(title, message));
        }
        throw new ApiException(status, status switch
        {
            401 => ErrorCodes.Unauthorized,
            403 => ErrorCodes.Forbidden,
            404 => ErrorCodes.NotFound,
            409 => ErrorCodes.Conflict,
            429 => ErrorCodes.TooManyRequests,
            502 or 503 or 504 => ErrorCodes.BadGateway,
            _ => ErrorCodes.Validation,
        }, title, message);
    }

    /// <summary>JSON with the field names given by <see cref="JsonPropertyNameAttribute"/> (OAuth and OIDC use snake_case).</summary>
    public static IActionResult Json<T>(int status, T value) =>
        new Result(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Options), null, null);

    /// <summary>An RFC 6749 §5.2 error; invalid_client answers 401 with a Basic challenge.</summary>
    public static IActionResult OAuthError(string error, string description) =>
        new Result(error == "invalid_client" ? 401 : 400, "application/json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(new OAuthErrorBody(error, description), Options), null, null)
        {
            Challenge = error == "invalid_client" ? "Basic realm=\"iomete\"" : null,
        };

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record OAuthErrorBody(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);

    private sealed class Result(int status, string? contentType, byte[]? body, string? location, string? csp) : IActionResult
    {
        public int? RetryAfter { get; init; }
        public string? Challenge { get; init; }

        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.XContentTypeOptions = "nosniff";
            if (location is not null)
            {
                response.Headers.Location = location;
            }
            if (csp is not null)
            {
                response.Headers.ContentSecurityPolicy = csp;
                response.Headers.XFrameOptions = "DENY";
            }
            if (RetryAfter is { } seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (Challenge is not null)
            {
                response.Headers.WWWAuthenticate = Challenge;
            }
            if (body is not null)
            {
                response.ContentType = contentType;
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
            }
        }
    }
}
