using Iomete.Functions.IcebergRest.Namespaces;

namespace Iomete.Functions.IcebergRest.Objects;

/// <summary>A table or view of a catalog and the location of its current metadata file.</summary>
public sealed record CatalogObject(
    string Catalog, NamespaceName Namespace, string Name, CatalogObjectKind Kind, string MetadataLocation, long Version, long CreatedMs, long UpdatedMs);

/// <summary>One pointer move of a compare-and-swap: from <paramref name="Expected"/> to <paramref name="Next"/>.</summary>
public sealed record PointerSwap(string Catalog, NamespaceName Namespace, string Name, CatalogObjectKind Kind, string Expected, string Next);
