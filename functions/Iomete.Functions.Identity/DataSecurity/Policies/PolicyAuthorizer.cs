using System.Text.Json;
using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.Groups;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// Who may change data-security policies: holders of DATA_SECURITY_AND_AUDIT_MANAGER, and delegated admins (an enabled
/// access-policy item with <c>delegateAdmin</c> naming them). A delegate may create, update or delete a resource access
/// policy only when every access type in both the old and the new version is delegated to them on every resource set
/// of both versions (reference §1.5, the fix of RANGER-5793: a delete or a change of flags checks the whole policy).
/// </summary>
public sealed class PolicyAuthorizer(IAccessControl access, DataPolicyStore store, GroupStore groups)
{
    private const string Required = "The admin role DATA_SECURITY_AND_AUDIT_MANAGER (or delegated admin rights on every resource and access type of the policy) is required.";

    /// <summary>The check before a write request's body is read: the admin role, or delegated admin rights somewhere.</summary>
    public async Task RequireMayWriteSomethingAsync(Caller caller, CancellationToken ct)
    {
        if (IsManager(caller))
        {
            return;
        }
        var delegations = await DelegationsAsync(caller, ct);
        if (delegations.Count == 0)
        {
            access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        }
    }

    /// <summary>The check of one change: <paramref name="before"/> null for a create, <paramref name="after"/> null for a delete.</summary>
    public async Task RequireWriteAsync(Caller caller, PolicyKind kind, RangerPolicy? before, RangerPolicy? after, CancellationToken ct)
    {
        if (IsManager(caller))
        {
            return;
        }
        if (kind != PolicyKind.Access)
        {
            throw new ForbiddenException("Delegated admins may manage resource access policies only; " + Required);
        }
        var versions = new[] { before, after }.OfType<RangerPolicy>().ToList();
        var types = versions.SelectMany(AccessTypes).ToHashSet(StringComparer.Ordinal);
        var resources = versions.SelectMany(p => new[] { p.Resources }.Concat(p.AdditionalResources)).Where(r => r.Count > 0).ToList();
        var delegations = await DelegationsAsync(caller, ct);
        foreach (var resource in resources)
        {
            var covering = delegations.Where(d => d.Resources.Any(q => ResourceCover.Covers(q, resource))).ToList();
            var missing = types.Where(t => !covering.Any(d => d.Types.Contains(t) || d.Types.Contains(DataAccessTypes.All))).ToList();
            if (covering.Count == 0 || missing.Count > 0)
            {
                throw new ForbiddenException(
                    $"You are not a delegated admin for {(missing.Count > 0 ? string.Join(", ", missing.Select(t => t.ToUpperInvariant())) : "any access")} " +
                    $"on {JsonSerializer.Serialize(resource.ToDictionary(p => p.Key, p => p.Value.Values))}. " + Required);
            }
        }
    }

    private static bool IsManager(Caller caller) => caller.HasAdminRole(AdminRole.DataSecurityAndAuditManager);

    /// <summary>Access types a version names anywhere; deny-all-else reaches every type, so it needs ALL.</summary>
    private static IEnumerable<string> AccessTypes(RangerPolicy policy)
    {
        var types = policy.PolicyItems.Concat(policy.DenyPolicyItems).Concat(policy.AllowExceptions).Concat(policy.DenyExceptions)
            .SelectMany(i => i.Accesses).Select(a => a.Type.ToLowerInvariant());
        return policy.IsDenyAllElse ? types.Append(DataAccessTypes.All) : types;
    }

    private async Task<IReadOnlyList<Delegation>> DelegationsAsync(Caller caller, CancellationToken ct)
    {
        var snapshot = await store.SnapshotAsync(ct);
        var groupNames = (await groups.RefsAsync(caller.GroupIds, ct)).Select(g => g.Name).Append("public").ToHashSet(StringComparer.Ordinal);
        var roles = RolesOf(caller, groupNames, snapshot.Roles);
        return snapshot.ResourcePolicies
            .Where(p => p.PolicyType == RangerPolicyTypes.Access)
            .SelectMany(p => p.PolicyItems.Where(i => i.DelegateAdmin &&
                    (i.Users.Contains(caller.Username, StringComparer.Ordinal) || i.Groups.Any(groupNames.Contains) || i.Roles.Any(roles.Contains)))
                .Select(i => new Delegation(
                    new[] { p.Resources }.Concat(p.AdditionalResources).Where(r => r.Count > 0).ToList(),
                    i.Accesses.Where(a => a.IsAllowed).Select(a => a.Type.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal))))
            .ToList();
    }

    /// <summary>Ranger roles holding the caller (directly, through a group, or through nested roles), plus one per admin role.</summary>
    private static HashSet<string> RolesOf(Caller caller, IReadOnlySet<string> groupNames, IReadOnlyList<RangerRole> roles)
    {
        var held = caller.AdminRoles.Select(r => JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.ToString())).ToHashSet(StringComparer.Ordinal);
        foreach (var role in roles.Where(r => r.Users.Any(u => u.Name == caller.Username) || r.Groups.Any(g => groupNames.Contains(g.Name))))
        {
            held.Add(role.Name);
        }
        bool added;
        do
        {
            added = false;
            foreach (var role in roles.Where(r => !held.Contains(r.Name) && r.Roles.Any(m => held.Contains(m.Name))))
            {
                added |= held.Add(role.Name);
            }
        }
        while (added);
        return held;
    }

    private sealed record Delegation(IReadOnlyList<Dictionary<string, RangerPolicyResource>> Resources, IReadOnlySet<string> Types);
}
