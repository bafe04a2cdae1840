namespace Iomete.Functions.Clusters.Namespaces;

/// <summary>The resource bundle a namespace is mapped to.</summary>
public sealed record NamespaceBundleView(string ResourceBundleId, string Domain, string MappedBy, DateTimeOffset MappedAt)
{
    public static NamespaceBundleView? From(NamespaceMapping? mapping) =>
        mapping is null ? null : new(mapping.BundleId, mapping.DomainId, mapping.MappedBy, mapping.MappedAt);
}

/// <summary>A data-plane namespace; <see cref="IsDefault"/> marks the one used when a resource names none.</summary>
public sealed record NamespaceView(string Name, bool IsDefault, NamespaceBundleView? ResourceBundle);

/// <summary>Maps a namespace to a resource bundle; null removes the mapping (the namespace is open to every domain member again).</summary>
public sealed record MapNamespaceRequest(string? ResourceBundleId = null);
