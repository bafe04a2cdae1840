using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Whose permissions to remove: of one asset type, or all when <c>assetType</c> is omitted.</summary>
public sealed record RevokeBundlePermissionsRequest([property: Required] string ActorId, ActorType ActorType, string? AssetType = null);

public sealed class RevokeBundlePermissions(ICallerAccessor callers, BundleGuard guard, ActorDirectory directory, BundleStore bundles, BundlePermissionStore permissions)
{
    [Function("identity-bundles-permissions-revoke")]
    [OpenApiOperation("Resource bundles", "Revoke an actor's permissions in a bundle")]
    [OpenApiRequestBody(typeof(RevokeBundlePermissionsRequest))]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/bundles/{bundleId}/permissions")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<RevokeBundlePermissionsRequest>(request, ct);
        var type = body.AssetType is null ? (AssetType?)null : AssetTypeNames.Parse(body.AssetType, "assetType");
        var bundle = await bundles.GetAsync(bundleId, ct);

        await guard.RequireManageAsync(caller, bundle, ct);

        // A deleted user or group keeps its stored id, so its grants can still be cleaned up.
        var actorId = (await directory.FindAsync(body.ActorType, body.ActorId, ct))?.Id ?? body.ActorId;
        if (await permissions.RevokeAsync(bundleId, body.ActorType, actorId, type, ct) == 0)
        {
            throw new NotFoundException($"{(body.ActorType == ActorType.User ? "User" : "Group")} with permissions in bundle '{bundle.Name}'", body.ActorId);
        }
        return ApiResults.NoContent();
    }
}
