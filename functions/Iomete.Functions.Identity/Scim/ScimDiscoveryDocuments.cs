using System.Text.Json.Nodes;

namespace Iomete.Functions.Identity.Scim;

/// <summary>The discovery documents (RFC 7644 §4): what this service provider supports, its resource types and schemas.</summary>
internal static class ScimDiscoveryDocuments
{
    public static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["documentationUri"] = "https://iomete.com/resources/user-guide/iam/sso/scim",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = 100 },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "An access token of a user or service account holding IAM_MANAGER, as 'Authorization: Bearer <token>' or 'X-API-Token'.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = ScimPaths.Base + "/ServiceProviderConfig" },
    };

    public static JsonObject ResourceType(string name) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = name,
        ["name"] = name,
        ["endpoint"] = "/" + name + "s",
        ["schema"] = name == "User" ? ScimPaths.UserSchema : ScimPaths.GroupSchema,
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{ScimPaths.Base}/ResourceTypes/{name}" },
    };

    public static JsonObject Schema(string name)
    {
        var user = name == "User";
        var attributes = user
            ? new JsonArray(
                Attribute("userName", required: true, uniqueness: "server", mutability: "immutable"),
                Attribute("externalId", caseExact: true),
                Complex("name", Attribute("givenName"), Attribute("familyName"), Attribute("formatted", mutability: "readOnly")),
                Attribute("displayName", mutability: "readOnly"),
                Complex("emails", multiValued: true, Attribute("value"), Attribute("type"), Attribute("primary", type: "boolean")),
                Attribute("userType", mutability: "readOnly"),
                Attribute("active", type: "boolean"))
            : new JsonArray(
                Attribute("displayName", required: true, uniqueness: "server", mutability: "immutable"),
                Attribute("externalId", caseExact: true),
                Complex("members", multiValued: true, Attribute("value", mutability: "immutable"), Attribute("display", mutability: "readOnly"),
                    Attribute("type", mutability: "immutable"), Attribute("$ref", type: "reference", mutability: "immutable")));
        var id = user ? ScimPaths.UserSchema : ScimPaths.GroupSchema;
        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
            ["id"] = id,
            ["name"] = name,
            ["description"] = user ? "User Account" : "Group",
            ["attributes"] = attributes,
            ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{ScimPaths.Base}/Schemas/{id}" },
        };
    }

    private static JsonObject Attribute(string name, string type = "string", bool required = false, bool caseExact = false,
        string uniqueness = "none", string mutability = "readWrite") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonObject[] sub) => Complex(name, multiValued: false, sub);

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] sub)
    {
        var attribute = Attribute(name, type: "complex");
        attribute["multiValued"] = multiValued;
        attribute["subAttributes"] = new JsonArray(sub.Cast<JsonNode>().ToArray());
        return attribute;
    }
}
