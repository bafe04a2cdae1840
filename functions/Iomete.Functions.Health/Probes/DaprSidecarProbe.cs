namespace Iomete.Functions.Health.Probes;

/// <summary>The Dapr sidecar (<c>DAPR_HTTP_PORT</c>) answers <c>/v1.0/healthz</c>.</summary>
internal sealed class DaprSidecarProbe(IHttpClientFactory clients, int port) : IHealthProbe
{
    public string Component => ComponentNames.DaprSidecar;

    public string DisplayName => "Dapr sidecar";

    public async Task ProbeAsync(CancellationToken ct)
    {
        using var client = clients.CreateClient(nameof(DaprSidecarProbe));
        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/v1.0/healthz"), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HealthProbeException($"The Dapr sidecar on port {port} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
