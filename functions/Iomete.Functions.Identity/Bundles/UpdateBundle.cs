using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Changes to a bundle; omitted fields stay. The name cannot change.</summary>
public sealed record UpdateBundleRequest([property: StringLength(2048)] string? Description = null, ActorRequest? Owner = null);

public sealed class UpdateBundle(ICallerAccessor callers, BundleGuard guard, ActorDirectory directory, BundleStore bundles, BundleViews views)
{
    [Function("identity-bundles-update")]
    [OpenApiOperation("Resource bundles", "Change a bundle's description or owner")]
    [OpenApiRequestBody(typeof(UpdateBundleRequest))]
    [OpenApiResponse(200, typeof(BundleView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/bundles/{bundleId}")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<UpdateBundleRequest>(request, ct);
        var bundle = await bundles.GetAsync(bundleId, ct);
        if (bundle.IsDomainBundle && body.Owner is not null)
        {
            throw ValidationException.ForField("owner", "a DOMAIN bundle is owned by its domain's owner; change the domain's owners instead");
        }

        await guard.RequireManageAsync(caller, bundle, ct);

        var owner = body.Owner is null ? null : await directory.RequireAsync(body.Owner, ct);
        var updated = await bundles.UpdateAsync(bundleId, body.Description, owner, ct);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
