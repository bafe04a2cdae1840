using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Scim;

/// <summary>What a SCIM user body sets; <see cref="Active"/> null leaves the status as it is.</summary>
internal sealed record ScimUserInput(string UserName, string? ExternalId, string? GivenName, string? FamilyName, string? Email, bool? Active);

/// <summary>The SCIM User resource (RFC 7643 §4.1) of a platform user, and the reverse.</summary>
internal static class ScimUserJson
{
    public static string Location(string id) => $"{ScimPaths.Base}/Users/{id}";

    public static JsonObject ToJson(User user, string? externalId)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimPaths.UserSchema),
            ["id"] = user.Id,
        };
        if (externalId is not null)
        {
            json["externalId"] = externalId;
        }
        json["userName"] = user.Username;
        var name = new JsonObject();
        if (user.FirstName is { } given)
        {
            name["givenName"] = given;
        }
        if (user.LastName is { } family)
        {
            name["familyName"] = family;
        }
        name["formatted"] = DisplayName(user);
        json["name"] = name;
        json["displayName"] = DisplayName(user);
        if (user.Email is { } email)
        {
            json["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        }
        json["userType"] = user.Type == UserType.ServiceAccount ? "ServiceAccount" : "Person";
        json["active"] = user.Status == UserStatus.Active;
        json["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = Scim.Instant(user.CreatedAt),
            ["lastModified"] = Scim.Instant(user.UpdatedAt),
            ["location"] = Location(user.Id),
            ["version"] = Scim.ETag(user.Version),
        };
        return json;
    }

    public static ScimUserInput Read(JsonObject body)
    {
        var userName = Scim.Text(Scim.Get(body, "userName"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName))
        {
            throw ScimException.InvalidValue("userName is required.");
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, UserRules.UsernamePattern))
        {
            throw ScimException.InvalidValue($"userName '{userName}' {UserRules.UsernameMessage} (map the identity provider's username accordingly).");
        }
        var name = Scim.Get(body, "name") as JsonObject;
        var email = UserRules.Email(PrimaryEmail(Scim.Get(body, "emails")));
        if (email is not null && (email.Length > 320 || !new EmailAddressAttribute().IsValid(email)))
        {
            throw ScimException.InvalidValue($"'{email}' is not a valid email address.");
        }
        return new ScimUserInput(userName, Scim.Text(Scim.Get(body, "externalId")), Limit(Scim.Text(Scim.Get(name, "givenName"))),
            Limit(Scim.Text(Scim.Get(name, "familyName"))), email, Scim.Bool(Scim.Get(body, "active")));
    }

    /// <summary>Only the primary email is used, or the first when none is marked primary.</summary>
    private static string? PrimaryEmail(JsonNode? emails)
    {
        if (emails is not JsonArray list)
        {
            return null;
        }
        var entries = list.OfType<JsonObject>().ToList();
        var chosen = entries.FirstOrDefault(e => Scim.Bool(Scim.Get(e, "primary")) == true) ?? entries.FirstOrDefault();
        return Scim.Text(Scim.Get(chosen, "value"));
    }

    private static string? Limit(string? value) => UserRules.Text(value) is { } text ? text.Length > 255 ? text[..255] : text : null;

    private static string DisplayName(User user) =>
        user.FirstName is null && user.LastName is null ? user.Username : $"{user.FirstName} {user.LastName}".Trim();
}
