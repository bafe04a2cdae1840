using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.NodeTypes;

public sealed class CreateNodeType(ICallerAccessor callers, IAccessControl access, NodeTypeStore store)
{
    [Function("core-node-types-create")]
    [OpenApiOperation("Node types", "Create a node type")]
    [OpenApiRequestBody(typeof(NodeTypeRequest))]
    [OpenApiResponse(201, typeof(NodeTypeView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409, Description = "A node type with that name exists")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/node-types")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var spec = NodeTypeRules.Validate(await RequestBody.ReadAsync<NodeTypeRequest>(request, ct), existingName: null);
        var created = await store.CreateAsync(spec, ct);
        return ApiResults.Created(created, $"/api/v1/admin/node-types/{Uri.EscapeDataString(created.Name)}");
    }
}
