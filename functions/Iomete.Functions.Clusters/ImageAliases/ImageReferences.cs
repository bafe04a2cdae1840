using System.Text.RegularExpressions;
using Iomete.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.ImageAliases;

/// <summary>
/// Resolves docker tag aliases in an image reference (<c>repo/spark:${stable}</c>): a domain alias wins over a global
/// one of the same name; an unknown alias is a 400 naming it. Clusters, jobs and Jupyter call it on the image they deploy.
/// </summary>
public sealed partial class ImageReferences(TagAliasStore store, IOptions<ImageAliasOptions> options)
{
    public async Task<string> ResolveAsync(string domain, string image, CancellationToken ct, string field = "image")
    {
        var matches = Placeholder().Matches(image);
        if (matches.Count == 0)
        {
            return image;
        }
        var domainAliases = (await store.ListAsync(domain, ct)).ToDictionary(a => a.Alias, a => a.Value, StringComparer.Ordinal);
        var global = options.Value.TagAliases;
        var unknown = new List<string>();
        var resolved = Placeholder().Replace(image, m =>
        {
            var alias = m.Groups[1].Value;
            if (domainAliases.TryGetValue(alias, out var value) || global.TryGetValue(alias, out value))
            {
                return value;
            }
            unknown.Add(alias);
            return m.Value;
        });
        if (unknown.Count > 0)
        {
            throw ValidationException.ForField(field, $"unknown docker tag alias: {string.Join(", ", unknown.Distinct().Select(a => "${" + a + "}"))}");
        }
        return resolved;
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Placeholder();
}
