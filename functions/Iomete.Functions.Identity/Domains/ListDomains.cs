using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Domains;

public sealed class ListDomains(ICallerAccessor callers, IAccessControl access, DomainStore domains, DomainViews views)
{
    private static readonly Dictionary<string, string> Sortable = new()
    {
        ["id"] = "id",
        ["name"] = "name",
        ["createdAt"] = "created_at_ms",
        ["updatedAt"] = "updated_at_ms",
    };

    [Function("identity-domains-list")]
    [OpenApiOperation("Domains", "List domains")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<DomainView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/admin/domains")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager, forRead: true);
        var query = ListQuery.From(request, Sortable, "id");
        var page = await domains.ListAsync(query, ct);
        return ApiResults.Ok(new Page<DomainView>(await views.ViewsAsync(page.Items, ct), page.Total, page.Offset, page.Limit));
    }
}
