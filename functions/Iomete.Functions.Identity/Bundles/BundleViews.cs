using Iomete.Functions.Identity.Access;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>An actor's permissions in a bundle, per asset type (<c>{"COMPUTE": ["VIEW"]}</c>).</summary>
public sealed record BundleMemberView(string ActorId, ActorType ActorType, string? ActorName, IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions);

/// <summary>Turns stored bundles and permissions into API views, with actor names.</summary>
public sealed class BundleViews(ActorDirectory directory)
{
    public async Task<BundleView> ViewAsync(BundleRecord bundle, CancellationToken ct) => (await ViewsAsync([bundle], ct))[0];

    public async Task<IReadOnlyList<BundleView>> ViewsAsync(IReadOnlyList<BundleRecord> bundles, CancellationToken ct)
    {
        var names = await directory.NamesAsync(bundles.Select(b => (b.OwnerType, b.OwnerId)), ct);
        return bundles.Select(b => new BundleView(b.Id, b.Name, b.Description, b.DomainId,
            b.IsDomainBundle ? BundleType.Domain : BundleType.Resource, ActorDirectory.View(b.OwnerType, b.OwnerId, names),
            b.Archived, b.CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(b.CreatedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(b.UpdatedAtMs))).ToList();
    }

    public async Task<IReadOnlyList<BundleMemberView>> MembersAsync(IReadOnlyList<PermissionRow> rows, CancellationToken ct)
    {
        var names = await directory.NamesAsync(rows.Select(r => (r.ActorType, r.ActorId)), ct);
        return rows.GroupBy(r => (r.ActorType, r.ActorId))
            .Select(g => new BundleMemberView(g.Key.ActorId, ActorTypes.FromDb(g.Key.ActorType), names.GetValueOrDefault(g.Key),
                g.GroupBy(r => r.AssetType).ToDictionary(t => t.Key, t => Ordered(t.Key, t.Select(r => r.Permission)))))
            .ToList();
    }

    /// <summary>Permissions in the order the asset type lists them.</summary>
    private static IReadOnlyList<string> Ordered(string assetType, IEnumerable<string> permissions)
    {
        var set = permissions.ToHashSet();
        return AssetPermissions.For(AssetTypeNames.FromDb(assetType)).Where(set.Contains).ToList();
    }
}
