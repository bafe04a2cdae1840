using System.Globalization;
using System.Text.Json;
using Iomete.DataSecurity.Engine;

namespace Iomete.DataSecurity.Tests.Conformance;

/// <summary>Turns a Ranger fixture test's <c>request</c> into our <see cref="PolicyRequest"/>.</summary>
internal static class RangerRequests
{
    public static PolicyRequest Build(JsonElement test, string? accessType = null)
    {
        var request = test.GetProperty("request");
        var resource = new Dictionary<string, string>(StringComparer.Ordinal);
        string? owner = null;
        if (request.TryGetProperty("resource", out var res))
        {
            if (res.TryGetProperty("elements", out var elements))
            {
                foreach (var e in elements.EnumerateObject())
                {
                    resource[e.Name] = e.Value.GetString() ?? "";
                }
            }
            owner = res.TryGetProperty("ownerUser", out var o) ? o.GetString() : null;
        }
        var userName = request.TryGetProperty("user", out var u) ? u.GetString() ?? "" : "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (test.TryGetProperty("userAttributes", out var ua) && ua.TryGetProperty(userName, out var mine))
        {
            foreach (var a in mine.EnumerateObject())
            {
                attributes[a.Name] = a.Value.GetString() ?? "";
            }
        }
        var user = new PolicyUser(userName, RangerFixture.Strings(request, "userGroups"), RangerFixture.Strings(request, "userRoles"), attributes);
        var time = request.TryGetProperty("accessTime", out var t) && t.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture)
            : DateTimeOffset.UtcNow;
        var type = accessType ?? (request.TryGetProperty("accessType", out var at) ? at.GetString() ?? "" : "");
        return new PolicyRequest(resource, type, user, time,
            request.TryGetProperty("clientIPAddress", out var ip) ? ip.GetString() : null, owner, Tags(request));
    }

    /// <summary>Ranger's multi-access-type context: ACCESSTYPES (each evaluated) and ISANYACCESS (any vs all).</summary>
    public static (IReadOnlyList<string> Types, bool Any)? MultiAccess(JsonElement test)
    {
        var request = test.GetProperty("request");
        if (!request.TryGetProperty("context", out var context) || !context.TryGetProperty("ACCESSTYPES", out var types))
        {
            return null;
        }
        var any = context.TryGetProperty("ISANYACCESS", out var a) && a.ValueKind == JsonValueKind.True;
        return (types.EnumerateArray().Select(x => x.GetString() ?? "").ToList(), any);
    }

    /// <summary>Why this request cannot be expressed, or null.</summary>
    public static string? Unrepresentable(JsonElement test)
    {
        var request = test.GetProperty("request");
        if (request.TryGetProperty("resource", out var res) && res.TryGetProperty("elements", out var elements)
            && elements.EnumerateObject().Any(e => e.Value.ValueKind == JsonValueKind.Array))
        {
            return "multi-valued resource element (a list of URLs): PolicyRequest carries one value per resource level";
        }
        return null;
    }

    private static List<ResourceTag>? Tags(JsonElement request)
    {
        if (!request.TryGetProperty("context", out var context) || !context.TryGetProperty("TAGS", out var tags)
            || tags.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(tags.GetString()))
        {
            return null;
        }
        using var doc = JsonDocument.Parse(tags.GetString()!);
        return doc.RootElement.EnumerateArray().Select(tag =>
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (tag.TryGetProperty("attributes", out var attrs))
            {
                foreach (var a in attrs.EnumerateObject())
                {
                    attributes[a.Name] = a.Value.GetString() ?? "";
                }
            }
            var matchType = tag.TryGetProperty("matchType", out var m) ? m.GetString() ?? "SELF" : "SELF";
            return new ResourceTag(tag.GetProperty("type").GetString() ?? "", attributes, matchType);
        }).ToList();
    }
}
