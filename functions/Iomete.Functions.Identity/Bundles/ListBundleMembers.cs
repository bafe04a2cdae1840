using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class ListBundleMembers(ICallerAccessor callers, BundleGuard guard, BundleStore bundles, BundlePermissionStore permissions, BundleViews views)
{
    private static readonly Dictionary<string, string> Sortable = new() { ["actorId"] = "actorId" };

    [Function("identity-bundles-members-list")]
    [OpenApiOperation("Resource bundles", "List a bundle's members and their permissions")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<BundleMemberView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/bundles/{bundleId}/members")] HttpRequest request,
        string bundleId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, Sortable, "actorId");
        var bundle = await bundles.GetAsync(bundleId, ct);
        await guard.RequireSeeAsync(caller, bundle, ct);

        var members = await views.MembersAsync(await permissions.ListAsync(bundleId, ct), ct);
        var matching = members
            .Where(m => query.Search is null ||
                        m.ActorId.Contains(query.Search, StringComparison.OrdinalIgnoreCase) ||
                        (m.ActorName?.Contains(query.Search, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var ordered = query.Descending
            ? matching.OrderByDescending(m => m.ActorName ?? m.ActorId, StringComparer.Ordinal)
            : matching.OrderBy(m => m.ActorName ?? m.ActorId, StringComparer.Ordinal);
        return ApiResults.Ok(new Page<BundleMemberView>(ordered.Skip(query.Offset).Take(query.Limit).ToList(), matching.Count, query.Offset, query.Limit));
    }
}
