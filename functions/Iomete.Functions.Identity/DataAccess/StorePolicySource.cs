using Iomete.DataSecurity.Engine;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.DataSecurity.Tags;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>The decider's policies and tags, read from the data-security store.</summary>
internal sealed class StorePolicySource(DataPolicyStore policies, IResourceTagSource tags) : IPolicySource
{
    public Task<long> CurrentVersionAsync(CancellationToken ct) => policies.CurrentVersionAsync(ct);

    public Task<PolicySnapshot> SnapshotAsync(CancellationToken ct) => policies.SnapshotAsync(ct);

    public async ValueTask<IReadOnlyList<TableTag>> TagsAsync(string catalog, string database, string table, CancellationToken ct)
    {
        var assignments = await tags.TagsForTableAsync(catalog, database, table, ct);
        return assignments.SelectMany(a => a.Tags.Select(t => new TableTag(a.Column, t, new Dictionary<string, string>()))).ToList();
    }
}
