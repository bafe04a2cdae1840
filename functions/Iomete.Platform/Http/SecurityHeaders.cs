using Microsoft.AspNetCore.Http;

namespace Iomete.Platform.Http;

/// <summary>
/// The response headers OWASP's REST security cheat sheet asks of an API, set on every response of both hosts unless a
/// function set its own (the OIDC login form sets a CSP that allows its form). HSTS only over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public static void Register(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.TryAdd("Cross-Origin-Resource-Policy", "same-origin");
            if (!headers.ContainsKey("Cache-Control") && !headers.ContainsKey("ETag"))
            {
                headers.CacheControl = "no-store";
            }
            if (http.Request.IsHttps)
            {
                headers.TryAdd("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            return Task.CompletedTask;
        }, context);
    }
}
