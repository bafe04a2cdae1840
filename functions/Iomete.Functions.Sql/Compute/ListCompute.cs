using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Compute;

public sealed class ListCompute(ICallerAccessor callers, QueryAccess access, ComputeStore store)
{
    [Function("sql-compute-list")]
    [OpenApiOperation("Compute", "List the compute clusters SQL can run on (the embedded compute 'local')")]
    [OpenApiResponse(200, typeof(Page<ComputeView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var (settings, updatedAt) = await store.GetAsync(ct);
        return ApiResults.Ok(new Page<ComputeView>([ComputeViews.Local(settings, updatedAt)], 1, 0, 1));
    }
}
