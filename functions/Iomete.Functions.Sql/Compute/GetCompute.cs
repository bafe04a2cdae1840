using Iomete.Functions.Sql.Queries;
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
    [OpenApiOperation("Compute", "Read the embedded compute 'local' (its settings)", Description = "Users reach it as GET /api/v2/domains/{domain}/compute/local of the cluster service, which calls this with their credentials.")]
    [OpenApiResponse(200, typeof(ComputeView))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/compute/local")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var (settings, updatedAt) = await store.GetAsync(ct);
        return ApiResults.Ok(ComputeViews.Local(settings, updatedAt));
    }
}
