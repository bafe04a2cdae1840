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

/// <summary>Permissions to add, per asset type: <c>{"COMPUTE": ["VIEW", "UPDATE"]}</c>.</summary>
public sealed record AddBundlePermissionsRequest(
    [property: Required] string ActorId,
    ActorType ActorType,
    [property: Required] IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions);

public sealed class AddBundlePermissions(
    ICallerAccessor callers, BundleGuard guard, ActorDirectory directory, BundleStore bundles, BundlePermissionStore permissions, BundleViews views)
{
    [Function("identity-bundles-permissions-add")]
    [OpenApiOperation("Resource bundles", "Grant an actor permissions in a bundle (added to what it has)")]
    [OpenApiRequestBody(typeof(AddBundlePermissionsRequest))]
    [OpenApiResponse(200, typeof(BundleMemberView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/bundles/{bundleId}/permissions")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<AddBundlePermissionsRequest>(request, ct);
        var bundle = await bundles.GetAsync(bundleId, ct);
        if (body.Permissions.Count == 0)
        {
            throw ValidationException.ForField("permissions", "name at least one asset type and its permissions");
        }
        var grants = new Dictionary<AssetType, IReadOnlyList<string>>();
        foreach (var (typeName, list) in body.Permissions)
        {
            var field = $"permissions.{typeName}";
            var type = AssetTypeNames.Parse(typeName, "permissions");
            PermissionRules.RequireFits(bundle, type, field);
            grants[type] = AssetTypeNames.ValidPermissions(type, list, field);
        }

        await guard.RequireManageAsync(caller, bundle, ct);
        PermissionRules.RequireLive(bundle);

        var actor = await directory.RequireAsync(new ActorRequest(body.ActorId, body.ActorType), ct);
        await permissions.AddAsync(bundleId, actor, grants, ct);
        return ApiResults.Ok(await MemberViews.OfAsync(bundleId, actor, permissions, views, ct));
    }
}

internal static class MemberViews
{
    /// <summary>The actor's permissions in the bundle after a change (empty when none are left).</summary>
    public static async Task<BundleMemberView> OfAsync(string bundleId, ActorView actor, BundlePermissionStore permissions, BundleViews views, CancellationToken ct)
    {
        var rows = (await permissions.ListAsync(bundleId, ct)).Where(r => r.ActorType == actor.Type.Db() && r.ActorId == actor.Id).ToList();
        var members = await views.MembersAsync(rows, ct);
        return members.Count > 0 ? members[0] : new BundleMemberView(actor.Id, actor.Type, actor.Name, new Dictionary<string, IReadOnlyList<string>>());
    }
}
