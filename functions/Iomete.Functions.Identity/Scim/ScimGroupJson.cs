using System.Text.Json.Nodes;
using Iomete.Functions.Identity.Groups;

namespace Iomete.Functions.Identity.Scim;

/// <summary>What a SCIM group body sets; <see cref="Members"/> null leaves the members as they are.</summary>
internal sealed record ScimGroupInput(string DisplayName, string? ExternalId, IReadOnlyList<string>? Members);

/// <summary>The SCIM Group resource (RFC 7643 §4.2) of a platform group; members are users and sub-groups.</summary>
internal static class ScimGroupJson
{
    public static string Location(string id) => $"{ScimPaths.Base}/Groups/{id}";

    public static JsonObject ToJson(Group group, ScimMeta meta, IReadOnlyList<ScimMember>? members)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimPaths.GroupSchema),
            ["id"] = group.Id,
        };
        if (meta.ExternalId is not null)
        {
            json["externalId"] = meta.ExternalId;
        }
        json["displayName"] = group.Name;
        if (members is not null)
        {
            json["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Value,
                ["display"] = m.Display,
                ["type"] = m.Type,
                ["$ref"] = m.Type == "User" ? ScimUserJson.Location(m.Value) : Location(m.Value),
            }).ToArray());
        }
        json["meta"] = new JsonObject
        {
            ["resourceType"] = "Group",
            ["created"] = Scim.Instant(group.CreatedAt),
            ["lastModified"] = Scim.Instant(meta.LastModified),
            ["location"] = Location(group.Id),
            ["version"] = Scim.ETag(meta.Version),
        };
        return json;
    }

    public static ScimGroupInput Read(JsonObject body)
    {
        var name = Scim.Text(Scim.Get(body, "displayName"))?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            throw ScimException.InvalidValue("displayName is required (at most 255 characters).");
        }
        IReadOnlyList<string>? members = null;
        if (Scim.Get(body, "members") is JsonArray list)
        {
            members = list.Select(m => Scim.Text(Scim.Get(m as JsonObject, "value"))
                    ?? throw ScimException.InvalidValue("Each member needs a 'value' (the member's id)."))
                .Distinct(StringComparer.Ordinal).ToList();
        }
        return new ScimGroupInput(name, Scim.Text(Scim.Get(body, "externalId")), members);
    }

    /// <summary>True unless the request asks to leave members out (<c>excludedAttributes=members</c>, as Azure AD does).</summary>
    public static bool WantsMembers(Microsoft.AspNetCore.Http.HttpRequest request) =>
        !request.Query["excludedAttributes"].ToString().Split(',').Any(a => a.Trim().Equals("members", StringComparison.OrdinalIgnoreCase));
}
