using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Compute;

public sealed class GetCompute(ICallerAccessor callers, QueryAccess access, ComputeStore store)
{
    [Function("sql-compute-get")]
    [OpenApiOperation("Compute", "Read a compute cluster")]
    [OpenApiResponse(200, typeof(ComputeView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{name}")] HttpRequest request,
        string domain,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        if (name != ComputeStore.Local)
        {
            throw new NotFoundException("Compute cluster", name);
        }
        var (settings, updatedAt) = await store.GetAsync(ct);
        return ApiResults.Ok(ComputeViews.Local(settings, updatedAt));
    }
}
