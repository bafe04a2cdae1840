using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

/// <summary>What the role functions share: authorization and reading a role by its route id.</summary>
internal static class DataRoleFunctions
{
    public static async Task<Caller> AdminAsync(ICallerAccessor callers, IAccessControl access, HttpRequest request, bool forRead, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead);
        return caller;
    }

    public static async Task<StoredRole> RequireAsync(DataRoleStore roles, string id, CancellationToken ct)
    {
        var role = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
            ? await roles.GetAsync(key, ct)
            : null;
        return role ?? throw new NotFoundException("Role", id);
    }

    public static Iomete.DataSecurity.Model.RangerRole Validated(DataRoleBody body)
    {
        var role = body.ToRole();
        var errors = new ValidationErrors();
        RoleRules.Validate(role, errors);
        errors.ThrowIfAny();
        return role;
    }
}
