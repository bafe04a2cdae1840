using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

public sealed class ListNodeTypes(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-node-types-list")]
    [OpenApiOperation("Node types", "List node types")]
    [OpenApiPaged]
    [OpenApiQuery("availableFor", "Only node types usable for DRIVER or EXECUTOR")]
    [OpenApiResponse(200, typeof(Page<NodeTypeView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/node-types")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        var query = ListQuery.From(request, NodeTypeStore.Sortable, "name");
        var usage = ReadUsage(request);
        return ApiResults.Ok(await store.ListAsync(query, usage, ct));
    }

    internal static NodeTypeUsage? ReadUsage(HttpRequest request)
    {
        var raw = request.Query["availableFor"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }
        return raw.ToUpperInvariant() switch
        {
            "DRIVER" => NodeTypeUsage.Driver,
            "EXECUTOR" => NodeTypeUsage.Executor,
            _ => throw ValidationException.ForField("availableFor", "must be DRIVER or EXECUTOR"),
        };
    }
}
