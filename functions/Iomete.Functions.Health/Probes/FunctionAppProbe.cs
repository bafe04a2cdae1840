using Iomete.Platform.Messaging;

namespace Iomete.Functions.Health.Probes;

/// <summary>A function app answers its liveness route <c>healthz</c> by service invocation (locally: this process over loopback).</summary>
internal sealed class FunctionAppProbe(IServiceInvoker invoker, string appId) : IHealthProbe
{
    public string Component => ComponentNames.FunctionApp(appId);

    public string DisplayName => $"Function app {appId}";

    public async Task ProbeAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        using var response = await invoker.InvokeAsync(appId, request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HealthProbeException($"healthz of app '{appId}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
