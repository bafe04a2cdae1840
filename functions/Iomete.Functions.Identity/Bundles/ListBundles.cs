using Iomete.Functions.Identity.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Bundles;

public sealed class ListBundles(ICallerAccessor callers, BundleStore bundles, BundleViews views)
{
    private static readonly Dictionary<string, string> Sortable = new()
    {
        ["name"] = "name",
        ["createdAt"] = "created_at_ms",
        ["updatedAt"] = "updated_at_ms",
    };

    [Function("identity-bundles-list")]
    [OpenApiOperation("Resource bundles", "List the bundles the caller can see",
        Description = "scope=MY: bundles the caller owns or holds permissions in; scope=DOMAIN (default): also every bundle of domains it owns or manages.")]
    [OpenApiQuery("domain", "Only bundles of this domain")]
    [OpenApiQuery("bundleType", "RESOURCE or DOMAIN")]
    [OpenApiQuery("scope", "MY or DOMAIN")]
    [OpenApiQuery("archived", "true: list archived bundles instead", Type = "boolean")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<BundleView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/bundles")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var query = ListQuery.From(request, Sortable, "name");
        var domain = Optional(request, "domain");
        var type = Optional(request, "bundleType")?.ToUpperInvariant() switch
        {
            null => null,
            BundleTypes.Resource => BundleTypes.Resource,
            BundleTypes.Domain => BundleTypes.Domain,
            var other => throw ValidationException.ForField("bundleType", $"'{other}' is not RESOURCE or DOMAIN"),
        };
        var onlyMine = Optional(request, "scope")?.ToUpperInvariant() switch
        {
            null or "DOMAIN" => false,
            "MY" => true,
            var other => throw ValidationException.ForField("scope", $"'{other}' is not MY or DOMAIN"),
        };
        var archived = Optional(request, "archived")?.ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw ValidationException.ForField("archived", $"'{other}' is not true or false"),
        };

        // Visibility is part of the query: nobody is refused, everyone sees only what they may.
        var seesAll = AccessControl.IsDomainManager(caller, forRead: true);
        var page = await bundles.ListAsync(new BundleFilter(domain, type, archived), caller, onlyMine, seesAll, query, ct);
        return ApiResults.Ok(new Page<BundleView>(await views.ViewsAsync(page.Items, ct), page.Total, page.Offset, page.Limit));
    }

    private static string? Optional(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
