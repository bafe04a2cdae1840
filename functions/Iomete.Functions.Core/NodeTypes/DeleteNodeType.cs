using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

public sealed class DeleteNodeType(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-node-types-delete")]
    [OpenApiOperation("Node types", "Delete a node type", Description = "Soft delete: the node type disappears from lists and its name can be used again.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/node-types/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        if (!await store.DeleteAsync(name, ct))
        {
            throw new NotFoundException("Node type", name);
        }
        return ApiResults.NoContent();
    }
}
