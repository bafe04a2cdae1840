using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Namespaces;
using Iomete.Functions.Clusters.Secrets;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Common;

/// <summary>
/// The authorize step every workload write shares (compute clusters, Spark jobs, Jupyter containers), so users meet the
/// same rules everywhere: the namespace must be one the caller may use (<see cref="NamespaceAccess"/>), every
/// <c>secretObject</c> must name an existing secret (<see cref="SecretReferences"/>) and every <c>${alias}</c> in the
/// image must be a known docker tag alias (<see cref="ImageReferences"/>). The image is stored as written and resolved
/// again when the workload is deployed, so an alias change applies on the next start.
/// </summary>
public sealed class WorkloadChecks(NamespaceAccess namespaces, SecretReferences secrets, ImageReferences images)
{
    /// <summary>The namespace to deploy into (the default when <paramref name="namespace"/> is empty); 400/403 as the checks say.</summary>
    public async Task<string> RequireAsync(
        Caller caller, string domain, string? @namespace, (string Field, string? Image) image,
        IEnumerable<(string Field, IEnumerable<SecretReference> References)> secretFields, CancellationToken ct)
    {
        var ns = await namespaces.RequireUseAsync(caller, domain, @namespace?.Trim(), ct);
        foreach (var (field, references) in secretFields)
        {
            var objects = references.Select(r => r.SecretObject).ToList();
            if (objects.Count > 0)
            {
                await secrets.ValidateAsync(domain, objects, ct, field);
            }
        }
        if (!string.IsNullOrWhiteSpace(image.Image))
        {
            await images.ResolveAsync(domain, image.Image, ct, image.Field);
        }
        return ns;
    }
}
