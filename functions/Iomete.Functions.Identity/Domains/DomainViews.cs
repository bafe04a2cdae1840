using Iomete.Functions.Identity.Access;

namespace Iomete.Functions.Identity.Domains;

/// <summary>Turns stored domains into API views, with the owners' names.</summary>
public sealed class DomainViews(ActorDirectory directory)
{
    public async Task<DomainView> ViewAsync(DomainEntry entry, CancellationToken ct) => (await ViewsAsync([entry], ct))[0];

    public async Task<IReadOnlyList<DomainView>> ViewsAsync(IReadOnlyList<DomainEntry> entries, CancellationToken ct)
    {
        var names = await directory.NamesAsync(entries.SelectMany(e => e.Owners).Select(o => (o.ActorType, o.ActorId)), ct);
        return entries.Select(e =>
        {
            var owners = e.Owners.Select(o => ActorDirectory.View(o.ActorType, o.ActorId, names)).ToList();
            var d = e.Domain;
            return new DomainView(d.Id, d.Name, owners.FirstOrDefault() ?? new ActorView(string.Empty, ActorType.User, null), owners, e.BundleId, d.CreatedBy,
                DateTimeOffset.FromUnixTimeMilliseconds(d.CreatedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(d.UpdatedAtMs));
        }).ToList();
    }

    /// <summary>Resolves the owners of a request (each must exist), dropping duplicates, keeping order.</summary>
    public async Task<IReadOnlyList<DomainOwner>> ResolveOwnersAsync(IEnumerable<ActorRequest> owners, CancellationToken ct)
    {
        var result = new List<DomainOwner>();
        foreach (var owner in owners)
        {
            var resolved = DomainOwner.Of(await directory.RequireAsync(owner, ct));
            if (!result.Contains(resolved))
            {
                result.Add(resolved);
            }
        }
        return result;
    }
}
