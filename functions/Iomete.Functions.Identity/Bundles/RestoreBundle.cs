using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class RestoreBundle(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundleViews views)
{
    [Function("identity-bundles-restore")]
    [OpenApiOperation("Resource bundles", "Restore an archived bundle")]
    [OpenApiResponse(200, typeof(BundleView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/bundles/{bundleId}/restore")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var bundle = await bundles.GetAsync(bundleId, ct);
        await guard.RequireManageAsync(caller, bundle, ct);
        return ApiResults.Ok(await views.ViewAsync(await bundles.SetArchivedAsync(bundleId, archived: false, ct), ct));
    }
}
