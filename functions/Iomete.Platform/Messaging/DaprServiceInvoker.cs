namespace Iomete.Platform.Messaging;

/// <summary>
/// Service invocation through the Dapr sidecar's HTTP API: a request for <c>/path?query</c> of app <c>appId</c> goes to
/// <c>http://127.0.0.1:{DAPR_HTTP_PORT}/v1.0/invoke/{appId}/method/path?query</c>, with <c>dapr-api-token</c> when the
/// sidecar requires one (<c>DAPR_API_TOKEN</c>). Headers and body travel unchanged, so the callee authenticates the
/// original caller.
/// </summary>
public sealed class DaprServiceInvoker(HttpClient client, string daprBaseUrl, string? apiToken) : IServiceInvoker
{
    /// <summary>From the environment Dapr sets for the app (<c>DAPR_HTTP_PORT</c>, default 3500; <c>DAPR_API_TOKEN</c>).</summary>
    public static DaprServiceInvoker FromEnvironment(HttpClient client) =>
        new(client, $"http://127.0.0.1:{Environment.GetEnvironmentVariable("DAPR_HTTP_PORT") ?? "3500"}", Environment.GetEnvironmentVariable("DAPR_API_TOKEN"));

    public Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(request);
        var target = request.RequestUri?.OriginalString ?? "/";
        if (request.RequestUri is { IsAbsoluteUri: true } absolute)
        {
            target = absolute.PathAndQuery;
        }
        request.RequestUri = new Uri($"{daprBaseUrl.TrimEnd('/')}/v1.0/invoke/{Uri.EscapeDataString(appId)}/method/{target.TrimStart('/')}");
        if (!string.IsNullOrEmpty(apiToken))
        {
            request.Headers.Remove("dapr-api-token");
            request.Headers.Add("dapr-api-token", apiToken);
        }
        return client.SendAsync(request, ct);
    }
}
