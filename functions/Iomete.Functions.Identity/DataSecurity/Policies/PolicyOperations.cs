using Iomete.DataSecurity.Model;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// The policy operations behind the admin, tag and domain routes. <paramref name="domain"/> arguments are the domain of a
/// domain-scoped route (null on admin routes): policies created there record it, and other domains' policies are 404 there.
/// </summary>
public sealed class PolicyOperations(ICallerAccessor callers, IAccessControl access, DataPolicyStore store, PolicyAuthorizer authorizer)
{
    /// <summary>Authenticates, checks domain access (before anything reads the body), then the admin role for reads.</summary>
    public async Task<Caller> ReaderAsync(HttpRequest request, string? domain, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (domain is not null)
        {
            await access.RequireDomainAccessAsync(caller, domain, ct);
        }
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead: true);
        return caller;
    }

    /// <summary>Authenticates and checks domain access; the write itself is authorized by <see cref="PolicyAuthorizer"/>.</summary>
    public async Task<Caller> WriterAsync(HttpRequest request, string? domain, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (domain is not null)
        {
            await access.RequireDomainAccessAsync(caller, domain, ct);
        }
        await authorizer.RequireMayWriteSomethingAsync(caller, ct);
        return caller;
    }

    public async Task<DataPolicyBody> CreateAsync(Caller caller, PolicyKind kind, string? domain, DataPolicyBody body, CancellationToken ct)
    {
        var policy = Validated(kind, body, basis: null);
        await authorizer.RequireWriteAsync(caller, kind, before: null, after: policy, ct);
        var stored = await store.InsertAsync(kind, policy, domain, caller.Username, ct);
        return PolicyMapper.ToBody(stored);
    }

    public async Task<StoredPolicy> GetAsync(PolicyKind kind, string? domain, string id, CancellationToken ct)
    {
        var stored = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
            ? await store.GetAsync(key, ct)
            : null;
        if (stored is null || stored.Kind != kind || (domain is not null && stored.Domain != domain))
        {
            throw new NotFoundException($"{kind.Name()} policy", id);
        }
        return stored;
    }

    public async Task<DataPolicyBody> UpdateAsync(Caller caller, PolicyKind kind, string? domain, string id, DataPolicyBody body, CancellationToken ct)
    {
        var current = await GetAsync(kind, domain, id, ct);
        var policy = Validated(kind, body, current.Policy);
        await authorizer.RequireWriteAsync(caller, kind, current.Policy, policy, ct);
        var stored = await store.UpdateAsync(current.Id, body.Version ?? current.Version, policy, caller.Username, ct);
        return PolicyMapper.ToBody(stored);
    }

    /// <summary>Applies a change to the API form of the stored policy, validates the result and saves it (CAS on the read version).</summary>
    public async Task<DataPolicyBody> ChangeAsync(Caller caller, PolicyKind kind, string? domain, string id,
        Func<DataPolicyBody, DataPolicyBody> change, CancellationToken ct)
    {
        var current = await GetAsync(kind, domain, id, ct);
        var body = change(PolicyMapper.ToBody(current));
        var policy = Validated(kind, body, current.Policy);
        await authorizer.RequireWriteAsync(caller, kind, current.Policy, policy, ct);
        var stored = await store.UpdateAsync(current.Id, current.Version, policy, caller.Username, ct);
        return PolicyMapper.ToBody(stored);
    }

    public async Task DeleteAsync(Caller caller, PolicyKind kind, string? domain, string id, CancellationToken ct)
    {
        var current = await GetAsync(kind, domain, id, ct);
        await authorizer.RequireWriteAsync(caller, kind, current.Policy, after: null, ct);
        if (!await store.DeleteAsync(current.Id, ct))
        {
            throw new NotFoundException($"{kind.Name()} policy", id);
        }
    }

    public async Task<Page<DataPolicyBody>> ListAsync(HttpRequest request, PolicyKind kind, string? domain, CancellationToken ct)
    {
        var query = ListQuery.From(request, PolicyListFilter.Sortable, "name");
        var filter = PolicyListFilter.From(request);
        var all = await store.ListAsync(kind, domain, ct);
        var matched = filter.Apply(all, query).ToList();
        var items = matched.Skip(query.Offset).Take(query.Limit).Select(PolicyMapper.ToBody).ToList();
        return new Page<DataPolicyBody>(items, matched.Count, query.Offset, query.Limit);
    }

    private static RangerPolicy Validated(PolicyKind kind, DataPolicyBody body, RangerPolicy? basis)
    {
        var errors = new ValidationErrors();
        PolicyValidator.Validate(kind, body, errors);
        errors.ThrowIfAny();
        return PolicyMapper.ToRanger(kind, body, basis);
    }
}
