using Iomete.DataSecurity.Model;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>Who may change data-security policies: holders of DATA_SECURITY_AND_AUDIT_MANAGER.</summary>
public sealed class PolicyAuthorizer(IAccessControl access)
{
    /// <summary>The check before a write request's body is read.</summary>
    public Task RequireMayWriteSomethingAsync(Caller caller, CancellationToken ct)
    {
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        return Task.CompletedTask;
    }

    /// <summary>The check of one change: <paramref name="before"/> null for a create, <paramref name="after"/> null for a delete.</summary>
    public Task RequireWriteAsync(Caller caller, PolicyKind kind, RangerPolicy? before, RangerPolicy? after, CancellationToken ct)
    {
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        return Task.CompletedTask;
    }
}
