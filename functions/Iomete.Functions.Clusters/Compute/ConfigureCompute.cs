using Iomete.Functions.Clusters.Actors;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

public sealed class ConfigureCompute(
    ICallerAccessor callers, ComputeAccess access, ComputeDefinitions definitions, ComputeActors actors, LocalCompute local)
{
    [Function("clusters-compute-configure")]
    [OpenApiOperation("Compute clusters", "Configure a compute cluster (UPDATE; STOPPED or FAILED only)",
        Description = "Replaces the definition; name and bundle are immutable; 'version' must be the one read. In another state the answer is 409 " +
                      "naming the state and its allowed actions. For 'local' the body is the embedded engine's settings {threads, memoryLimit} " +
                      "(COMPUTE_RESOURCES_MANAGER), handled by the SQL service.")]
    [OpenApiRequestBody(typeof(ComputeRequest))]
    [OpenApiResponse(200, typeof(ComputeClusterView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/compute/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (LocalCompute.Is(id))
        {
            using var reader = new StreamReader(request.Body);
            return await local.ForwardAsync(request, HttpMethod.Put, domain, await reader.ReadToEndAsync(ct), ct);
        }
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ComputeRequest>(request, ct);
        if (body.Version is not { } version)
        {
            throw ValidationException.ForField("version", "is required: the version that was read");
        }
        var current = await access.RequireAsync(caller, domain, id, ComputeAccess.Update, ct);
        if (body.Name is not null && body.Name != current.Name)
        {
            throw ValidationException.ForField("name", "is immutable");
        }
        if (body.ResourceBundleId is not null && body.ResourceBundleId != current.ResourceBundleId)
        {
            throw ValidationException.ForField("resourceBundleId", "is immutable");
        }
        ComputeActions.Require(current, ComputeActions.Configure);
        var (ns, spec) = await definitions.ReadAsync(caller, domain, body, ct);
        var next = current with { Description = body.Description, Namespace = ns, Spec = spec };
        var saved = await actors.Get(current.Id).ConfigureAsync(next, version, caller.UserId, ct);
        return ApiResults.Ok(ComputeClusterView.From(saved));
    }
}
