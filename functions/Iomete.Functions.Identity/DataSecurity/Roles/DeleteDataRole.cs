using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

public sealed class DeleteDataRole(ICallerAccessor callers, IAccessControl access, DataRoleStore roles)
{
    [Function("identity-data-security-roles-delete")]
    [OpenApiOperation("Data security", "Delete a Ranger role (409 while another role contains it)")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/data-security/roles/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await DataRoleFunctions.AdminAsync(callers, access, request, forRead: false, ct);
        var current = await DataRoleFunctions.RequireAsync(roles, id, ct);
        if (!await roles.DeleteAsync(current.Id, ct))
        {
            throw new Iomete.Platform.Errors.NotFoundException("Role", id);
        }
        return ApiResults.NoContent();
    }
}
