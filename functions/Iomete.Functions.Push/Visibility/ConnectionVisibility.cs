using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Push.Visibility;

/// <summary>
/// Decides, for one connection's caller, whether an event's audience includes it. Decisions that cost a lookup are
/// remembered per resource for <c>ttl</c>, so fanning out a burst of events about the same resource stays in memory.
/// Used by one connection at a time (not thread-safe).
/// </summary>
internal sealed class ConnectionVisibility(
    Caller caller, IAccessControl access, IDataAccessDecider decider, TimeProvider clock, TimeSpan ttl)
{
    private const string Enforcer = "push";
    private const string View = "VIEW";

    private readonly Dictionary<string, Decision> decisions = new(StringComparer.Ordinal);

    public Caller Caller { get; private set; } = caller;

    /// <summary>The caller was resolved again (roles or groups may have changed): forget every decision.</summary>
    public void Refresh(Caller refreshed)
    {
        Caller = refreshed;
        // Deletions still need to know who could see a resource before it went.
        foreach (var key in decisions.Keys.ToList())
        {
            decisions[key] = decisions[key] with { At = DateTimeOffset.MinValue };
        }
    }

    public async ValueTask<bool> AllowsAsync(Audience audience, CancellationToken ct) => audience.Kind switch
    {
        AudienceKinds.Admins => Caller.IsSuperAdmin || Caller.AdminRoles.Count > 0,
        AudienceKinds.Query => audience.Owner == Caller.UserId ||
                               (audience.Domain is { } domain && await DecideAsync("domain-owner\n" + domain, false, () => access.OwnsDomainAsync(Caller, domain, ct))),
        AudienceKinds.SparkJob => await AssetAsync(AssetType.SparkJob, audience, ct),
        AudienceKinds.Compute => await AssetAsync(AssetType.Compute, audience, ct),
        AudienceKinds.EventStream => await AssetAsync(AssetType.EventStream, audience, ct),
        AudienceKinds.Table => await TableAsync(audience, ct),
        AudienceKinds.Maintenance => Caller.HasAdminRole(AdminRole.SparkCatalogManager, forRead: true) || await TableAsync(audience, ct),
        _ => false,
    };

    private Task<bool> AssetAsync(AssetType type, Audience audience, CancellationToken ct)
    {
        if (audience.Resource is not { } id)
        {
            return Task.FromResult(Caller.HasAdminRole(AdminRole.DomainManager));
        }
        return DecideAsync($"{type}\n{id}", audience.Deletion, async () =>
        {
            try
            {
                await access.RequireAssetPermissionAsync(Caller, type, id, View, ct);
                return true;
            }
            catch (ForbiddenException)
            {
                // A deleted resource is in no bundle any more: its domain's owners still hear that it went.
                return audience.Deletion && audience.Domain is { } domain && await access.OwnsDomainAsync(Caller, domain, ct);
            }
        });
    }

    private Task<bool> TableAsync(Audience audience, CancellationToken ct)
    {
        if (audience.Catalog is not { } catalog)
        {
            return Task.FromResult(false);
        }
        var resource = new DataResource(catalog, audience.Database, audience.Database is null ? null : audience.Table);
        return DecideAsync("table\n" + resource, false, async () =>
        {
            var decision = await decider.CheckAsync(
                new DataAccessRequest(Caller, resource, DataAccessTypes.Any, Enforcer, "PUSH", Audit: false), ct);
            return decision.Allowed;
        });
    }

    private async Task<bool> DecideAsync(string key, bool deletion, Func<Task<bool>> decide)
    {
        var now = clock.GetUtcNow();
        var known = decisions.GetValueOrDefault(key);
        if (known is not null && now - known.At < ttl)
        {
            return known.Allowed || (deletion && known.EverAllowed);
        }
        bool allowed;
        try
        {
            allowed = await decide();
        }
        catch (NotFoundException)
        {
            allowed = false;
        }
        var everAllowed = allowed || known?.EverAllowed == true;
        decisions[key] = new Decision(allowed, everAllowed, now);
        return allowed || (deletion && everAllowed);
    }

    private sealed record Decision(bool Allowed, bool EverAllowed, DateTimeOffset At);
}
