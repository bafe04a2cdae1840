using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Iomete.Functions.LocalHost.Adapters;

/// <summary>
/// Service invocation in one process: every app id is this process, so the call goes over
/// loopback to our own endpoints, with the same routes and auth as through a Dapr sidecar.
/// </summary>
internal sealed class LoopbackServiceInvoker(IServer server, IHttpClientFactory clients) : IServiceInvoker
{
    public async Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The local host is not listening yet.");
        var baseUri = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        request.RequestUri = new Uri(baseUri, request.RequestUri?.ToString() ?? "/");
        using var client = clients.CreateClient(nameof(LoopbackServiceInvoker));
        return await client.SendAsync(request, ct);
    }
}
