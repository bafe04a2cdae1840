using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

public sealed class GetNodeType(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-node-types-get")]
    [OpenApiOperation("Node types", "Read a node type")]
    [OpenApiResponse(200, typeof(NodeTypeView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/node-types/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        return ApiResults.Ok(await store.FindAsync(name, ct) ?? throw new NotFoundException("Node type", name));
    }
}
