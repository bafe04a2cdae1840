using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

public sealed class UpdateNodeType(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-node-types-update")]
    [OpenApiOperation("Node types", "Replace a node type's definition (the name cannot change)")]
    [OpenApiRequestBody(typeof(NodeTypeRequest))]
    [OpenApiResponse(200, typeof(NodeTypeView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/node-types/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var spec = NodeTypeRules.Validate(await RequestBody.ReadAsync<NodeTypeRequest>(request, ct), existingName: name);
        return ApiResults.Ok(await store.UpdateAsync(spec, ct) ?? throw new NotFoundException("Node type", name));
    }
}
