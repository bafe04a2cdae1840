using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>A table of a catalog: namespace and name.</summary>
public sealed record TableIdent(string Catalog, NamespaceName Namespace, string Name)
{
    public override string ToString() => CatalogObjectStore.Display(Namespace, Name);

    /// <summary>The spec's <c>TableIdentifier</c> object <c>{"namespace": [..], "name": ".."}</c>; 400 when malformed.</summary>
    public static TableIdent Read(string catalog, JsonNode? node, string member)
    {
        if (node is not JsonObject obj)
        {
            throw IcebergErrors.BadRequestError($"Invalid request: '{member}' must be an identifier object with namespace and name.");
        }
        if (!obj.TryGetPropertyValue("namespace", out var nsNode) || nsNode is not JsonArray levels)
        {
            throw IcebergErrors.BadRequestError($"Invalid request: '{member}.namespace' must be an array of strings.");
        }
        var names = levels.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        var ns = NamespaceName.FromLevels(names);
        var name = IcebergRequest.RequiredString(obj, "name");
        return new TableIdent(catalog, ns, ObjectName.Validate(name));
    }
}
