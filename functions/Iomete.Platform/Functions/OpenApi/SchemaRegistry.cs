using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Iomete.Platform.Http;

namespace Iomete.Platform.Functions.OpenApi;

/// <summary>Component schemas of the document, one per .NET type, exported with the API's JSON options.</summary>
internal sealed class SchemaRegistry
{
    private readonly SortedDictionary<string, JsonNode> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];

    public JsonObject Reference(Type type)
    {
        if (!_names.TryGetValue(type, out var name))
        {
            name = UniqueName(type);
            _names[type] = name;
            _schemas[name] = Json.Options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
            });
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    public JsonObject ProblemReference()
    {
        const string name = "Problem";
        if (!_schemas.ContainsKey(name))
        {
            _schemas[name] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "RFC 9457 problem details with IOMETE's errorCode.",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" },
                    ["title"] = new JsonObject { ["type"] = "string" },
                    ["status"] = new JsonObject { ["type"] = "integer" },
                    ["detail"] = new JsonObject { ["type"] = "string" },
                    ["instance"] = new JsonObject { ["type"] = "string" },
                    ["errorCode"] = new JsonObject { ["type"] = "string" },
                    ["errors"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                },
                ["required"] = new JsonArray("title", "status", "errorCode"),
            };
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    /// <summary>The Iceberg REST spec's IcebergErrorResponse: {"error": {message, type, code, stack}}.</summary>
    public JsonObject IcebergErrorReference()
    {
        const string name = "IcebergErrorResponse";
        if (!_schemas.ContainsKey(name))
        {
            _schemas[name] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Error of the Iceberg REST catalog routes (the spec's IcebergErrorResponse / ErrorModel).",
                ["properties"] = new JsonObject
                {
                    ["error"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["message"] = new JsonObject { ["type"] = "string" },
                            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "Exception type clients switch on, e.g. NoSuchNamespaceException." },
                            ["code"] = new JsonObject { ["type"] = "integer" },
                            ["stack"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                        },
                        ["required"] = new JsonArray("message", "type", "code"),
                    },
                },
                ["required"] = new JsonArray("error"),
            };
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
    }

    public JsonObject ToJson()
    {
        var result = new JsonObject();
        foreach (var (name, schema) in _schemas)
        {
            result[name] = schema.DeepClone();
        }
        return result;
    }

    private string UniqueName(Type type)
    {
        var name = Friendly(type);
        var candidate = name;
        for (var i = 2; _schemas.ContainsKey(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }

    private static string Friendly(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.IsArray ? Friendly(type.GetElementType()!) + "List" : type.Name;
        }
        var baseName = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return baseName + "Of" + string.Concat(type.GetGenericArguments().Select(Friendly));
    }
}
