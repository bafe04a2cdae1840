using Iomete.Functions.Health.Monitoring;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Health.Checks;

/// <summary>What the cron call did: a round, or nothing because the previous one is still running.</summary>
public sealed record ProbeRunView(bool Skipped, ProbeRoundResult? Round);

/// <summary>Every 10 s (a Dapr cron binding in a cluster, the local scheduler here): one probe round over every component.</summary>
public sealed class RunHealthProbes(ICallerAccessor callers, HealthMonitor monitor)
{
    public const string Binding = "health-check";
    public const string Schedule = "@every 10s";

    [Function("health-check-probe")]
    [CronBinding(Binding, Schedule)]
    [OpenApiOperation("Internal", "Probe every platform component (platform only; a cron binding every 10 s)")]
    [OpenApiResponse(200, typeof(ProbeRunView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/health/probe")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        HealthReaders.RequireSystem(caller);
        var round = await monitor.TryRunAsync(ct);
        return ApiResults.Ok(new ProbeRunView(round is null, round));
    }
}
