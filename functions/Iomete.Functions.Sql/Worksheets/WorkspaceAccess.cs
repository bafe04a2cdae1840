using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>What a caller does in a workspace; custom workspaces map these to the Workspace asset permissions.</summary>
public enum WorkspaceAction
{
    View,
    Put,
    Move,
    Delete,
}

/// <summary>A resolved workspace: its API id, its storage key in the tables, and how permissions apply.</summary>
public sealed record WorkspaceScope(string Domain, string Id, string Key, string Name, WorkspaceKind Kind)
{
    public const string My = "my";
    public const string Shared = "shared";
    public const string MyName = "My Workspace";
    public const string SharedName = "Shared";
}

/// <summary>
/// Permissions of workspaces. My Workspace is private to its user; Shared is readable by every member of the domain
/// and writable with MANAGE_SHARED_WORKSHEET (domain owners and domain managers always have it); a custom workspace
/// is an asset of type WORKSPACE in a resource bundle, so VIEW/PUT/MOVE/DELETE come from that bundle.
/// </summary>
public sealed class WorkspaceAccess(IAccessControl access, WorkspaceStore workspaces)
{
    public async Task RequireDomainAsync(Caller caller, string domain, CancellationToken ct)
    {
        await access.RequireDomainAccessAsync(caller, domain, ct);
    }

    /// <summary>Resolves a workspace id from a request (my, shared, or a custom id) after checking domain access.</summary>
    public async Task<WorkspaceScope> ResolveAsync(Caller caller, string domain, string workspaceId, CancellationToken ct)
    {
        await RequireDomainAsync(caller, domain, ct);
        return workspaceId switch
        {
            WorkspaceScope.My => new WorkspaceScope(domain, WorkspaceScope.My, "user:" + caller.UserId, WorkspaceScope.MyName, WorkspaceKind.Personal),
            WorkspaceScope.Shared => new WorkspaceScope(domain, WorkspaceScope.Shared, WorkspaceScope.Shared, WorkspaceScope.SharedName, WorkspaceKind.Shared),
            _ => await workspaces.FindAsync(domain, workspaceId, ct) is { } w
                ? new WorkspaceScope(domain, w.Id, "ws:" + w.Id, w.Name, WorkspaceKind.Custom)
                : throw new NotFoundException("Workspace", workspaceId),
        };
    }

    /// <summary>
    /// The scope of a stored key. Another user's My Workspace, or a workspace that is gone, resolves to null: its worksheets do not exist for the caller.
    /// </summary>
    public async Task<WorkspaceScope?> FromKeyAsync(Caller caller, string domain, string key, CancellationToken ct)
    {
        if (key.StartsWith("user:", StringComparison.Ordinal))
        {
            return key == "user:" + caller.UserId ? await ResolveAsync(caller, domain, WorkspaceScope.My, ct) : null;
        }
        var id = key == WorkspaceScope.Shared ? WorkspaceScope.Shared : key["ws:".Length..];
        try
        {
            return await ResolveAsync(caller, domain, id, ct);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task RequireAsync(Caller caller, WorkspaceScope scope, WorkspaceAction action, CancellationToken ct)
    {
        switch (scope.Kind)
        {
            case WorkspaceKind.Personal:
                return;
            case WorkspaceKind.Shared when action == WorkspaceAction.View:
                return;
            case WorkspaceKind.Shared:
                await access.RequireDomainPermissionAsync(caller, scope.Domain, DomainPermission.ManageSharedWorksheet, ct);
                return;
            default:
                await access.RequireAssetPermissionAsync(caller, AssetType.Workspace, scope.Id, action.ToString().ToUpperInvariant(), ct);
                return;
        }
    }

    public async Task<bool> AllowsAsync(Caller caller, WorkspaceScope scope, WorkspaceAction action, CancellationToken ct)
    {
        try
        {
            await RequireAsync(caller, scope, action, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
