namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>
/// Serves the Blazor WebAssembly console (<c>console/Iomete.Console</c>) from the same origin as the functions:
/// its compressed, fingerprinted static assets, and <c>index.html</c> for every console page so that deep links
/// load the app. Paths that belong to the API never fall back to the console: they keep their problem+json 404.
/// </summary>
internal static class ConsoleHosting
{
    /// <summary>First path segments owned by functions (see the route table); the console uses none of them.</summary>
    private static readonly string[] ApiSegments = ["api", "internal", "catalogs", "openapi", ".well-known", "healthz", "readyz", "data-plane", "spark-ui", "spark-history"];

    // Blazor needs wasm-unsafe-eval; MudBlazor sets inline styles; Monaco starts its workers from blob: URLs.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private const string Manifest = "Iomete.Functions.LocalHost.staticwebassets.endpoints.json";

    /// <summary>
    /// In a build (not a publish) the console's files are read from their projects through the runtime manifest, named
    /// explicitly because a host started by tests has another application name.
    /// </summary>
    public static void UseConsoleAssets(this IWebHostBuilder web)
    {
        var runtime = Path.Combine(AppContext.BaseDirectory, "Iomete.Functions.LocalHost.staticwebassets.runtime.json");
        if (File.Exists(runtime))
        {
            web.UseSetting(WebHostDefaults.StaticWebAssetsKey, runtime);
            web.UseStaticWebAssets();
        }
    }

    /// <summary>
    /// A published host keeps the console's files in <c>wwwroot</c> beside its assembly. The web root defaults to the working
    /// directory's <c>wwwroot</c>, so a host started from another folder would answer the files' routes with empty bodies.
    /// Null (the default web root) in a build, where the files are read from their projects.
    /// </summary>
    public static string? PublishedWebRoot()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(published) ? published : null;
    }

    /// <summary>Rewrites console page requests to <c>/index.html</c> and gives console responses a policy that lets the app run.</summary>
    public static IApplicationBuilder UseConsolePages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "/";
        if (!IsApiPath(path))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            }, context);
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && !Path.HasExtension(path))
            {
                context.Request.Path = "/index.html";
                // The page shell must be revalidated so a new deployment's fingerprinted files are picked up.
                context.Response.OnStarting(static state =>
                {
                    ((HttpContext)state).Response.Headers.CacheControl = "no-cache";
                    return Task.CompletedTask;
                }, context);
            }
        }
        await next(context);
    });

    /// <summary>The console's files; absent (a host built without the console) they are simply not served.</summary>
    public static void MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, Manifest);
        if (File.Exists(manifest))
        {
            endpoints.MapStaticAssets(manifest);
        }
    }

    public static bool IsApiPath(string path)
    {
        var trimmed = path.AsSpan().TrimStart('/');
        var end = trimmed.IndexOf('/');
        var first = end < 0 ? trimmed : trimmed[..end];
        foreach (var segment in ApiSegments)
        {
            if (first.Equals(segment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
