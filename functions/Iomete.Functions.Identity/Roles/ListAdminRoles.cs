using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Roles;

/// <summary>The fixed set of admin roles.</summary>
public sealed class ListAdminRoles(ICallerAccessor callers)
{
    private static readonly IReadOnlyList<AdminRoleInfo> All =
    [
        new(AdminRole.DomainManager, "Creates and manages domains and their owners."),
        new(AdminRole.IamManager, "Manages users, groups, admin roles and service-account tokens."),
        new(AdminRole.SparkCatalogManager, "Manages Spark catalogs."),
        new(AdminRole.DataSecurityAndAuditManager, "Manages data-security policies and reads the audit log."),
        new(AdminRole.ComputeResourcesManager, "Manages node types, volumes and compute settings."),
        new(AdminRole.AdministrationManager, "Manages system configuration and platform settings."),
        new(AdminRole.ReadOnlyAdmin, "Reads every admin API (GET only)."),
    ];

    [Function("identity-roles-list")]
    [OpenApiOperation("Admin roles", "List the admin roles")]
    [OpenApiResponse(200, typeof(IReadOnlyList<AdminRoleInfo>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/roles")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        return ApiResults.Ok(All);
    }
}
