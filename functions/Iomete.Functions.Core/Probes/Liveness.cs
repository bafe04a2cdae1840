using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Probes;

/// <summary>Liveness: the process answers. Kubernetes restarts a pod that stops answering.</summary>
public sealed class Liveness
{
    [Function("healthz")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Probes", "Liveness probe")]
    [OpenApiResponse(200, typeof(ProbeStatus))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        ApiResults.Ok(new ProbeStatus("UP", null));
}

public sealed record ProbeStatus(string Status, IReadOnlyDictionary<string, string>? Checks);
