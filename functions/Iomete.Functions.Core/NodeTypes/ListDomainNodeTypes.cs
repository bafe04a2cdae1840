using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

/// <summary>The read-only list domain users pick from when they size clusters and jobs.</summary>
public sealed class ListDomainNodeTypes(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-domain-node-types-list")]
    [OpenApiOperation("Node types", "List node types available in a domain")]
    [OpenApiPaged]
    [OpenApiQuery("availableFor", "Only node types usable for DRIVER or EXECUTOR")]
    [OpenApiResponse(200, typeof(Page<NodeTypeView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/node-types")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var query = ListQuery.From(request, NodeTypeStore.Sortable, "name");
        var usage = ListNodeTypes.ReadUsage(request);
        return ApiResults.Ok(await store.ListAsync(query, usage, ct));
    }
}
