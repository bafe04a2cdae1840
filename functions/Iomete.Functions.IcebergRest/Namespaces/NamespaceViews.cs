using System.Text.Json.Serialization;

namespace Iomete.Functions.IcebergRest.Namespaces;

/// <summary>The spec's CreateNamespaceRequest.</summary>
public sealed record CreateNamespaceRequest(IReadOnlyList<string?> Namespace, IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>The spec's CreateNamespaceResponse and GetNamespaceResponse.</summary>
public sealed record NamespaceResponse(
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

/// <summary>The spec's ListNamespacesResponse; <c>next-page-token</c> is null on the last page.</summary>
public sealed record ListNamespacesResponse(
    [property: JsonPropertyName("next-page-token"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextPageToken,
    [property: JsonPropertyName("namespaces")] IReadOnlyList<IReadOnlyList<string>> Namespaces);

/// <summary>The spec's UpdateNamespacePropertiesRequest.</summary>
public sealed record UpdateNamespacePropertiesRequest(IReadOnlyList<string>? Removals = null, IReadOnlyDictionary<string, string>? Updates = null);

/// <summary>The spec's UpdateNamespacePropertiesResponse.</summary>
public sealed record UpdateNamespacePropertiesResponse(
    [property: JsonPropertyName("updated")] IReadOnlyList<string> Updated,
    [property: JsonPropertyName("removed")] IReadOnlyList<string> Removed,
    [property: JsonPropertyName("missing")] IReadOnlyList<string>? Missing);
