using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

public sealed class UpdateDataRole(ICallerAccessor callers, IAccessControl access, DataRoleStore roles)
{
    [Function("identity-data-security-roles-update")]
    [OpenApiOperation("Data security", "Replace a Ranger role (compare-and-swap on version when given)")]
    [OpenApiRequestBody(typeof(DataRoleBody))]
    [OpenApiResponse(200, typeof(DataRoleView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/data-security/roles/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await DataRoleFunctions.AdminAsync(callers, access, request, forRead: false, ct);
        var body = await RequestBody.ReadAsync<DataRoleBody>(request, ct);
        var role = DataRoleFunctions.Validated(body);
        var current = await DataRoleFunctions.RequireAsync(roles, id, ct);
        var saved = await roles.SaveAsync(current.Id, body.Version ?? current.Version, role, caller.Username, ct);
        return ApiResults.Ok(DataRoleView.From(saved));
    }
}
