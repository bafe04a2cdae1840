namespace Iomete.Functions.Clusters.ImageAliases;

/// <summary>The global docker tag aliases (Helm's <c>docker.tagAliases</c>), key <c>Iomete:Clusters:TagAliases</c>; read-only through the API.</summary>
public sealed class ImageAliasOptions
{
    public const string Section = ClustersOptions.Section;

    public Dictionary<string, string> TagAliases { get; set; } = new(StringComparer.Ordinal);
}
