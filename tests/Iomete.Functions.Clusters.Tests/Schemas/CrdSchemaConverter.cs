using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.Tests.Schemas;

/// <summary>
/// Turns a CRD's structural OpenAPI v3 schema into a JSON Schema (draft 7) that is as strict as the API server:
/// <list type="bullet">
/// <item><c>x-kubernetes-*</c> keywords are dropped, except that <c>x-kubernetes-int-or-string: true</c> becomes
/// <c>type: [integer, string]</c>;</item>
/// <item><c>nullable: true</c> adds <c>null</c> to the type;</item>
/// <item>an object with <c>properties</c> but neither <c>additionalProperties</c> nor
/// <c>x-kubernetes-preserve-unknown-fields</c> gets <c>additionalProperties: false</c>: the API server prunes unknown
/// fields there, so a misspelt field would silently vanish; here it fails;</item>
/// <item><c>description</c> and <c>format</c> (OpenAPI formats like int32 are not JSON Schema's) are dropped.</item>
/// </list>
/// </summary>
internal static class CrdSchemaConverter
{
    public static JsonObject Convert(JsonObject openApi)
    {
        var result = new JsonObject();
        var preserveUnknown = openApi["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        foreach (var (key, value) in openApi)
        {
            switch (key)
            {
                case "description" or "format" or "nullable":
                    break;
                case "x-kubernetes-int-or-string":
                    if (value?.GetValue<bool>() == true)
                        result["type"] = new JsonArray("integer", "string");
                    break;
                case var _ when key.StartsWith("x-kubernetes-", StringComparison.Ordinal):
                    break;
                case "properties":
                    result[key] = new JsonObject(((JsonObject)value!).Select(p =>
                        KeyValuePair.Create(p.Key, (JsonNode?)Convert((JsonObject)p.Value!))));
                    break;
                case "items" or "not" when value is JsonObject sub:
                    result[key] = Convert(sub);
                    break;
                case "additionalProperties" when value is JsonObject sub:
                    result[key] = Convert(sub);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    result[key] = new JsonArray(((JsonArray)value!).Select(n => (JsonNode)Convert((JsonObject)n!)).ToArray());
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }
        if (openApi["nullable"]?.GetValue<bool>() == true && result["type"] is JsonValue type)
            result["type"] = new JsonArray(type.GetValue<string>(), "null");
        if (result.ContainsKey("properties") && !result.ContainsKey("additionalProperties") && !preserveUnknown)
            result["additionalProperties"] = false;
        return result;
    }
}
