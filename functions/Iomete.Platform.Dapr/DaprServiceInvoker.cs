using Iomete.Platform.Messaging;

namespace Iomete.Platform.Dapr;

/// <summary>
/// Service invocation through the sidecar's HTTP API: a request for <c>/path?query</c> of app <c>appId</c> goes to
/// <c>{sidecar}/v1.0/invoke/{appId}/method/path?query</c>, with <c>dapr-api-token</c> when the sidecar requires one.
/// A plain <see cref="HttpClient"/>, not DaprClient (whose invocation methods Dapr 1.19 marks obsolete in favour of
/// native clients) and not gRPC <c>InvokeService</c> (which drops the HTTP status and headers): callers need the
/// callee's status, headers and body unchanged, and the caller's headers must reach the callee, which authenticates
/// the original caller. A non-success status is returned, not thrown.
/// </summary>
internal sealed class DaprServiceInvoker(HttpClient client, DaprSidecar sidecar) : IServiceInvoker
{
    public Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(request);
        var target = request.RequestUri switch
        {
            { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
            { } relative => relative.OriginalString,
            null => "/",
        };
        request.RequestUri = new Uri(sidecar.HttpEndpoint, $"v1.0/invoke/{Uri.EscapeDataString(appId)}/method/{target.TrimStart('/')}");
        if (!string.IsNullOrEmpty(sidecar.ApiToken))
        {
            request.Headers.Remove(DaprSidecar.ApiTokenHeader);
            request.Headers.Add(DaprSidecar.ApiTokenHeader, sidecar.ApiToken);
        }
        return client.SendAsync(request, ct);
    }
}
