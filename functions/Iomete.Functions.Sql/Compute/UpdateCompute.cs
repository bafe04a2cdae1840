using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Compute;

/// <summary>Threads and memory of the embedded compute; new sessions use them, running queries keep theirs.</summary>
public sealed class UpdateCompute(ICallerAccessor callers, IAccessControl access, QueryAccess queryAccess, ComputeStore store)
{
    [Function("sql-compute-update")]
    [OpenApiOperation("Compute", "Update the settings of the embedded compute 'local' (COMPUTE_RESOURCES_MANAGER)", Description = "Users reach it as PUT /api/v2/domains/{domain}/compute/local of the cluster service, which calls this with their credentials.")]
    [OpenApiRequestBody(typeof(UpdateComputeRequest))]
    [OpenApiResponse(200, typeof(ComputeView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/sql/compute/local")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        await queryAccess.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<UpdateComputeRequest>(request, ct);
        var memory = string.IsNullOrWhiteSpace(body.MemoryLimit) ? null : body.MemoryLimit.Trim();
        if (memory is not null && !UpdateComputeRequest.MemoryLimitPattern().IsMatch(memory))
        {
            throw ValidationException.ForField("memoryLimit", "must be a number and a unit such as 512MB, 4GB or 1.5GiB");
        }
        await store.PutAsync(new ComputeSettings(body.Threads, memory), ct);
        var (settings, updatedAt) = await store.GetAsync(ct);
        return ApiResults.Ok(ComputeViews.Local(settings, updatedAt));
    }
}
