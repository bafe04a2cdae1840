using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

public sealed class GetDataRole(ICallerAccessor callers, IAccessControl access, DataRoleStore roles)
{
    [Function("identity-data-security-roles-get")]
    [OpenApiOperation("Data security", "Get a Ranger role")]
    [OpenApiResponse(200, typeof(DataRoleView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/roles/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await DataRoleFunctions.AdminAsync(callers, access, request, forRead: true, ct);
        return ApiResults.Ok(DataRoleView.From(await DataRoleFunctions.RequireAsync(roles, id, ct)));
    }
}
