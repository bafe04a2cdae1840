using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>The actor's new permission set for one asset type (empty removes them).</summary>
public sealed record ReplaceBundlePermissionsRequest(
    [property: Required] string ActorId,
    ActorType ActorType,
    [property: Required] string AssetType,
    [property: Required] IReadOnlyList<string> Permissions);

public sealed class ReplaceBundlePermissions(
    ICallerAccessor callers, BundleGuard guard, ActorDirectory directory, BundleStore bundles, BundlePermissionStore permissions, BundleViews views)
{
    [Function("identity-bundles-permissions-replace")]
    [OpenApiOperation("Resource bundles", "Replace an actor's permissions of one asset type in a bundle")]
    [OpenApiRequestBody(typeof(ReplaceBundlePermissionsRequest))]
    [OpenApiResponse(200, typeof(BundleMemberView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/bundles/{bundleId}/permissions")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<ReplaceBundlePermissionsRequest>(request, ct);
        var bundle = await bundles.GetAsync(bundleId, ct);
        var type = AssetTypeNames.Parse(body.AssetType, "assetType");
        PermissionRules.RequireFits(bundle, type, "assetType");
        var list = AssetTypeNames.ValidPermissions(type, body.Permissions, "permissions");

        await guard.RequireManageAsync(caller, bundle, ct);
        PermissionRules.RequireLive(bundle);

        var actor = await directory.RequireAsync(new ActorRequest(body.ActorId, body.ActorType), ct);
        await permissions.ReplaceAsync(bundleId, actor, type, list, ct);
        return ApiResults.Ok(await MemberViews.OfAsync(bundleId, actor, permissions, views, ct));
    }
}
