using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>What a managed Kubernetes object belongs to; the value of the <c>iomete.com/resource-type</c> label.</summary>
public enum ManagedResourceType
{
    Compute,
    SparkJob,
    Jupyter,
}

/// <summary>
/// The labels every object we create carries. <c>iomete.com/managed: "true"</c> is what IOMETE's network policies
/// select on (iomete-features.md §10); the others let a watch or a garbage collector find the owner in our database.
/// </summary>
public static class ManifestLabels
{
    public const string Managed = "iomete.com/managed";
    public const string ResourceType = "iomete.com/resource-type";
    public const string ResourceId = "iomete.com/resource-id";
    public const string Domain = "iomete.com/domain";

    /// <summary>The label Spark itself puts on its pods (<c>driver</c> or <c>executor</c>).</summary>
    public const string SparkRole = "spark-role";

    public static string Value(ManagedResourceType type) => type switch
    {
        ManagedResourceType.Compute => "compute",
        ManagedResourceType.SparkJob => "spark-job",
        ManagedResourceType.Jupyter => "jupyter",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The identifying labels, ordered by key; <paramref name="extra"/> cannot replace ours.</summary>
    public static SortedDictionary<string, string> For(
        ManagedResourceType type, string resourceId, string domain, IReadOnlyDictionary<string, string>? extra = null)
    {
        KubernetesNames.RequireLabelValue("resourceId", resourceId);
        KubernetesNames.RequireLabelValue("domain", domain);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            KubernetesNames.RequireLabelKey("labels", key);
            KubernetesNames.RequireLabelValue("labels", value);
            labels[key] = value;
        }
        labels[Managed] = "true";
        labels[ResourceType] = Value(type);
        labels[ResourceId] = resourceId;
        labels[Domain] = domain;
        return labels;
    }

    /// <summary>Labels that select one resource's pods (a subset of <see cref="For"/>).</summary>
    public static SortedDictionary<string, string> Selector(ManagedResourceType type, string resourceId) =>
        new(StringComparer.Ordinal) { [ResourceType] = Value(type), [ResourceId] = resourceId };

    internal static JsonObject ToJson(IEnumerable<KeyValuePair<string, string>> map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            json[key] = value;
        return json;
    }
}
