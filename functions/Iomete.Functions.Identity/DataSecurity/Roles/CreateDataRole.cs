using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

public sealed class CreateDataRole(ICallerAccessor callers, IAccessControl access, DataRoleStore roles)
{
    [Function("identity-data-security-roles-create")]
    [OpenApiOperation("Data security", "Create a Ranger role (users, groups, nested roles)")]
    [OpenApiRequestBody(typeof(DataRoleBody))]
    [OpenApiResponse(201, typeof(DataRoleView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-security/roles")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await DataRoleFunctions.AdminAsync(callers, access, request, forRead: false, ct);
        var role = DataRoleFunctions.Validated(await RequestBody.ReadAsync<DataRoleBody>(request, ct));
        var saved = await roles.SaveAsync(null, null, role, caller.Username, ct);
        return ApiResults.Created(DataRoleView.From(saved), $"{request.Path}/{saved.Id}");
    }
}
