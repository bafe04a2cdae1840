using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Iomete.Iceberg.Views;

namespace Iomete.Functions.IcebergRest.Views;

/// <summary>The spec's LoadViewResult: the current metadata file and the metadata it holds.</summary>
public sealed record LoadViewResult(
    [property: JsonPropertyName("metadata-location")] string MetadataLocation,
    [property: JsonPropertyName("metadata")] JsonNode Metadata,
    [property: JsonPropertyName("config")] IReadOnlyDictionary<string, string> Config)
{
    public static LoadViewResult From(LoadedView view) =>
        new(view.MetadataLocation, JsonNode.Parse(ViewMetadataJson.ToJson(view.Metadata))!, new Dictionary<string, string>());
}

/// <summary>The spec's TableIdentifier (used for views too).</summary>
public sealed record ViewIdentifier(
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("name")] string Name);

/// <summary>The spec's ListTablesResponse, as listViews returns it; <c>next-page-token</c> is null on the last page.</summary>
public sealed record ListViewsResponse(
    [property: JsonPropertyName("next-page-token"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextPageToken,
    [property: JsonPropertyName("identifiers")] IReadOnlyList<ViewIdentifier> Identifiers);

/// <summary>The spec's CreateViewRequest (documentation shape; the body is read by the strict Iceberg readers).</summary>
public sealed record CreateViewRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("schema")] JsonObject Schema,
    [property: JsonPropertyName("view-version")] JsonObject ViewVersion,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

/// <summary>The spec's CommitViewRequest (documentation shape; requirements and updates are read by the strict Iceberg readers).</summary>
public sealed record CommitViewRequest(
    [property: JsonPropertyName("identifier")] ViewIdentifier? Identifier,
    [property: JsonPropertyName("requirements")] IReadOnlyList<JsonObject>? Requirements,
    [property: JsonPropertyName("updates")] IReadOnlyList<JsonObject> Updates);

/// <summary>The spec's RegisterViewRequest.</summary>
public sealed record RegisterViewRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("metadata-location")] string? MetadataLocation);

/// <summary>The spec's RenameTableRequest, as renameView takes it.</summary>
public sealed record RenameViewRequest(
    [property: JsonPropertyName("source")] IdentifierBody? Source,
    [property: JsonPropertyName("destination")] IdentifierBody? Destination);

/// <summary>A TableIdentifier as a request sends it (validated after reading).</summary>
public sealed record IdentifierBody(
    [property: JsonPropertyName("namespace")] IReadOnlyList<string?>? Namespace,
    [property: JsonPropertyName("name")] string? Name);
