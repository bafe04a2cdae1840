using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class ArchiveBundle(ICallerAccessor callers, BundleGuard guard, BundleStore bundles)
{
    [Function("identity-bundles-archive")]
    [OpenApiOperation("Resource bundles", "Archive an empty bundle (restorable)")]
    [OpenApiResponse(204)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/bundles/{bundleId}")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var bundle = await bundles.GetAsync(bundleId, ct);
        await guard.RequireManageAsync(caller, bundle, ct);
        if (bundle.IsDomainBundle)
        {
            throw new ConflictException("A DOMAIN bundle lives as long as its domain and cannot be archived.");
        }
        await bundles.SetArchivedAsync(bundleId, archived: true, ct);
        return ApiResults.NoContent();
    }
}
