using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Namespaces;

/// <summary>
/// Who may deploy into which data-plane namespace (IOMETE's namespace resource bundles, §3.8): only the configured
/// namespaces exist; a namespace an admin mapped to a bundle needs the <c>USE</c> permission of that bundle; an unmapped
/// one is open to every member of the domain. Compute clusters, Spark jobs and Jupyter containers call
/// <see cref="RequireUseAsync"/> before they create anything.
/// </summary>
public sealed class NamespaceAccess(IOptions<ClustersOptions> options, NamespaceStore store, IAccessControl access)
{
    public const string Use = "USE";

    /// <summary>The namespaces users may deploy to, in configuration order; the first is the default.</summary>
    public IReadOnlyList<string> Allowed => options.Value.AllowedNamespaces;

    /// <summary>
    /// The namespace to deploy into (<paramref name="namespace"/>, or the default when none is named) after checking the
    /// caller may use it: 400 for a namespace that is not configured (listing the allowed ones), 403 without USE on a
    /// mapped namespace or, for an unmapped one, without access to <paramref name="domain"/>.
    /// </summary>
    public async Task<string> RequireUseAsync(Caller caller, string domain, string? @namespace, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(@namespace) ? Allowed[0] : @namespace;
        RequireKnown(name);
        var mapping = await store.GetAsync(name, ct);
        if (mapping is not null)
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.Namespace, name, Use, ct);
            return name;
        }
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"Deploying into namespace '{name}' requires access to domain '{domain}'.");
        }
        return name;
    }

    /// <summary>
    /// The allowed namespaces a member of <paramref name="domain"/> may deploy to from it, with their bundle mapping; a
    /// caller outside the domain is a 403.
    /// </summary>
    public async Task<IReadOnlyList<(string Namespace, NamespaceMapping? Mapping)>> UsableAsync(Caller caller, string domain, CancellationToken ct)
    {
        var member = await access.CanAccessDomainAsync(caller, domain, ct);
        if (!member)
        {
            throw new ForbiddenException($"Access to domain '{domain}' is required.");
        }
        var mappings = await store.AllAsync(ct);
        var usable = new List<(string, NamespaceMapping?)>();
        foreach (var name in Allowed)
        {
            var mapping = mappings.GetValueOrDefault(name);
            if (mapping is null || await HasUseAsync(caller, name, ct))
            {
                usable.Add((name, mapping));
            }
        }
        return usable;
    }

    /// <summary>A 400 naming the allowed namespaces when <paramref name="namespace"/> is not one of them.</summary>
    public void RequireKnown(string @namespace, string field = "namespace")
    {
        if (!Allowed.Contains(@namespace, StringComparer.Ordinal))
        {
            throw ValidationException.ForField(field, $"namespace '{@namespace}' is not a data-plane namespace; allowed: {string.Join(", ", Allowed)}");
        }
    }

    private async Task<bool> HasUseAsync(Caller caller, string name, CancellationToken ct)
    {
        try
        {
            await access.RequireAssetPermissionAsync(caller, AssetType.Namespace, name, Use, ct);
            return true;
        }
        catch (ForbiddenException)
        {
            return false;
        }
    }
}
