using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.SparkHistory;

/// <summary>
/// Forwards a GET to a Spark UI (history server or live driver) and streams the answer back. The UIs are started with
/// <c>spark.ui.proxyBase</c> set to the public prefix, so their pages need no rewriting; only an absolute redirect to the
/// upstream itself is turned into the public path.
/// </summary>
public sealed class SparkUiProxy(IHttpClientFactory clients, IOptions<SparkHistoryOptions> options)
{
    public const string ClientName = "spark-ui-proxy";

    private static readonly string[] ForwardedResponseHeaders = ["Cache-Control", "ETag", "Last-Modified", "Content-Disposition"];

    public async Task<IActionResult> ForwardAsync(HttpRequest request, Uri upstreamBase, string? path, string publicPrefix, CancellationToken ct)
    {
        var target = new Uri(upstreamBase, (path ?? "").TrimStart('/') + request.QueryString.Value);
        using var message = new HttpRequestMessage(HttpMethod.Get, target);
        if (request.Headers.Accept.Count > 0)
            message.Headers.TryAddWithoutValidation("Accept", request.Headers.Accept.ToString());
        var client = clients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(options.Value.SparkUiProxyTimeoutSeconds);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            return new ObjectResult(new ProblemDetails
            {
                Status = 502, Title = "Bad gateway", Detail = $"The Spark UI at {upstreamBase.GetLeftPart(UriPartial.Authority)} did not answer: {e.Message}",
                Extensions = { ["errorCode"] = "BAD_GATEWAY" },
            })
            { StatusCode = 502, ContentTypes = { "application/problem+json" } };
        }
        return new ProxiedResult(response, upstreamBase, publicPrefix);
    }

    private sealed class ProxiedResult(HttpResponseMessage response, Uri upstreamBase, string publicPrefix) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            using (response)
            {
                var http = context.HttpContext.Response;
                http.StatusCode = (int)response.StatusCode;
                if (response.Content.Headers.ContentType is { } type)
                    http.ContentType = type.ToString();
                foreach (var name in ForwardedResponseHeaders)
                {
                    if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                        http.Headers[name] = values.ToArray();
                }
                if (response.Headers.Location is { } location)
                    http.Headers.Location = location.IsAbsoluteUri && upstreamBase.IsBaseOf(location)
                        ? publicPrefix.TrimEnd('/') + "/" + upstreamBase.MakeRelativeUri(location)
                        : location.ToString();
                await response.Content.CopyToAsync(http.Body, context.HttpContext.RequestAborted);
            }
        }
    }
}
