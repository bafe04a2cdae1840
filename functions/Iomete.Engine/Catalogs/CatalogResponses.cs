using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Catalogs;

/// <summary>Reads the catalog's response bodies; a body that is not what the spec says is a <see cref="CatalogUnavailableException"/>.</summary>
internal static class CatalogResponses
{
    /// <summary>A LoadTableResult or CommitTableResponse; a staged table has no metadata file yet (empty location).</summary>
    public static CatalogTable Table(TableIdent ident, JsonNode? body) => Parse(ident, () =>
    {
        var obj = Object(body);
        return new CatalogTable(ident, OptionalString(obj["metadata-location"]) ?? "", TableMetadataJson.Read(obj["metadata"], "$.metadata"))
        {
            DataPolicy = DataSecurity.Decisions.DataPolicyConfig.Parse(OptionalString(obj["config"]?[DataSecurity.Decisions.DataPolicyConfig.Key])),
        };
    });

    /// <summary>A LoadViewResult.</summary>
    public static CatalogView View(TableIdent ident, JsonNode? body) => Parse(ident, () =>
    {
        var obj = Object(body);
        return new CatalogView(ident, OptionalString(obj["metadata-location"]) ?? "", ViewMetadataJson.Read(obj["metadata"], "$.metadata"));
    });

    /// <summary>The <c>next-page-token</c> of a list page, null (or absent) on the last one.</summary>
    public static string? NextPageToken(JsonNode? page) => OptionalString(Object(page)["next-page-token"]);

    /// <summary>The single level of each namespace of a ListNamespacesResponse page.</summary>
    public static IEnumerable<string> NamespaceNames(JsonNode? page) =>
        Array(Object(page)["namespaces"]).Select(n => Array(n)).Where(levels => levels.Count == 1).Select(levels => String(levels[0]));

    /// <summary>The names of a ListTablesResponse page (tables or views).</summary>
    public static IEnumerable<string> IdentifierNames(JsonNode? page) =>
        Array(Object(page)["identifiers"]).Select(i => String(Object(i)["name"]));

    public static IReadOnlyDictionary<string, string> Properties(JsonNode? body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(body)["properties"] is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                result[key] = String(value);
            }
        }
        return result;
    }

    public static JsonObject Object(JsonNode? node) =>
        node as JsonObject ?? throw Invalid($"expected a JSON object, got {node?.GetValueKind().ToString() ?? "nothing"}");

    public static JsonArray Array(JsonNode? node) =>
        node as JsonArray ?? throw Invalid($"expected a JSON array, got {node?.GetValueKind().ToString() ?? "nothing"}");

    public static string String(JsonNode? node) =>
        OptionalString(node) ?? throw Invalid("expected a string");

    private static string? OptionalString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static T Parse<T>(TableIdent ident, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IcebergFormatException ex)
        {
            throw new CatalogUnavailableException($"The catalog sent invalid metadata for {ident}: {ex.Message}", ex);
        }
    }

    private static CatalogUnavailableException Invalid(string what) => new($"The catalog's response is not as the Iceberg REST spec says: {what}.");
}
