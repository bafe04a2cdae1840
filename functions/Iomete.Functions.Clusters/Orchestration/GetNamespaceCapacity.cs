using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>Whether a demand fits a namespace now, and which resource blocks it (platform only).</summary>
public sealed class GetNamespaceCapacity(ICallerAccessor callers, NamespaceCapacity capacity)
{
    [Function("clusters-orchestration-capacity")]
    [OpenApiOperation("Internal", "Check a resource demand against a namespace's quota (platform only)")]
    [OpenApiRequestBody(typeof(ResourceDemandView))]
    [OpenApiResponse(200, typeof(CapacityView))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OrchestrationCalls.Root + "/namespaces/{namespace}/capacity")] HttpRequest request,
        string domain,
        string @namespace,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        OrchestrationCalls.RequireInternal(request);
        var demand = await RequestBody.ReadAsync<ResourceDemandView>(request, ct);
        return ApiResults.Ok(await capacity.CheckAsync(@namespace, demand, ct));
    }
}
