using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Probes;

/// <summary>
/// Readiness: every service database opens (running its migrations the first time) and the
/// readiness checks registered by adapters pass. 503 until then, so no traffic arrives early.
/// </summary>
public sealed class Readiness(IMetadataDb db, IEnumerable<ServiceDatabase> databases, IEnumerable<IReadinessCheck> checks)
{
    [Function("readyz")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Probes", "Readiness probe")]
    [OpenApiResponse(200, typeof(ProbeStatus))]
    [OpenApiResponse(503, typeof(ProbeStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "readyz")] HttpRequest request,
        CancellationToken ct)
    {
        var results = new Dictionary<string, string>();
        foreach (var service in databases.Select(d => d.Service).Distinct())
        {
            results[$"db:{service}"] = await Probe(async () =>
            {
                await using var connection = await db.OpenAsync(service, ct);
            });
        }
        foreach (var check in checks)
        {
            results[check.Name] = await Probe(() => check.CheckAsync(ct));
        }
        var ready = results.Values.All(v => v == "UP");
        return ApiResults.Json(ready ? 200 : 503, new ProbeStatus(ready ? "UP" : "DOWN", results));
    }

    private static async Task<string> Probe(Func<Task> check)
    {
        try
        {
            await check();
            return "UP";
        }
        catch (Exception ex)
        {
            return $"DOWN: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
