using System.Text.Json.Nodes;

namespace Iomete.Functions.Identity.Scim;

/// <summary>
/// Applies a PatchOp (RFC 7644 §3.5.2) to a resource's JSON: add, replace and remove, with a path (<c>attr</c>,
/// <c>attr.sub</c>, <c>attr[filter]</c>, <c>attr[filter].sub</c>) or without one (the value holds attributes, also
/// dotted names as Azure AD sends them). The caller then reads the patched JSON like a PUT body.
/// </summary>
internal static class ScimPatch
{
    public static void Apply(JsonObject resource, JsonObject patch)
    {
        if (Scim.Get(patch, "schemas") is JsonArray schemas && !schemas.Any(s => Scim.Text(s) == ScimPaths.PatchSchema))
        {
            throw ScimException.InvalidSyntax($"A PATCH body must have the schema '{ScimPaths.PatchSchema}'.");
        }
        if (Scim.Get(patch, "Operations") is not JsonArray operations)
        {
            throw ScimException.InvalidSyntax("A PATCH body needs 'Operations', a list of operations.");
        }
        foreach (var node in operations)
        {
            var operation = node as JsonObject ?? throw ScimException.InvalidSyntax("Each operation must be an object.");
            var op = Scim.Text(Scim.Get(operation, "op"))?.ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove"))
            {
                throw ScimException.InvalidSyntax($"Unknown operation '{op}'; use add, replace or remove.");
            }
            var path = Scim.Text(Scim.Get(operation, "path"));
            var value = Scim.Get(operation, "value")?.DeepClone();
            if (!string.IsNullOrWhiteSpace(path))
            {
                ApplyPath(resource, op, path, value);
                continue;
            }
            if (op == "remove")
            {
                throw ScimException.NoTarget("A remove operation needs a path.");
            }
            if (value is not JsonObject attributes)
            {
                throw ScimException.InvalidValue("An operation without a path needs an object of attributes as its value.");
            }
            foreach (var (name, attributeValue) in attributes.ToList())
            {
                ApplyPath(resource, op, name, attributeValue?.DeepClone());
            }
        }
    }

    private static void ApplyPath(JsonObject resource, string op, string path, JsonNode? value)
    {
        var (attribute, filter, sub) = new ScimFilterParser(path).ParsePath();
        if (filter is null)
        {
            ApplySimple(resource, op, attribute, value);
            return;
        }
        var array = Scim.Get(resource, attribute) as JsonArray;
        var matches = array?.OfType<JsonObject>().Where(e => ScimMatch.Matches(filter, e)).ToList() ?? [];
        if (op == "remove")
        {
            foreach (var match in matches)
            {
                if (sub is null)
                {
                    array!.Remove(match);
                }
                else
                {
                    Remove(match, sub);
                }
            }
            return;
        }
        if (value is null)
        {
            throw ScimException.InvalidValue($"The {op} operation on '{path}' needs a value.");
        }
        if (matches.Count == 0)
        {
            // Identity providers set emails[type eq "work"].value on a user without one: create the element the filter names.
            var created = new JsonObject();
            if (filter is ScimCompare { Operator: "eq" } eq && eq.Value is not null)
            {
                created[eq.Attribute] = ToNode(eq.Value);
            }
            if (array is null)
            {
                array = [];
                Set(resource, attribute, array);
            }
            array.Add(created);
            matches = [created];
        }
        foreach (var match in matches)
        {
            if (sub is not null)
            {
                Set(match, sub, value.DeepClone());
            }
            else if (value is JsonObject fields)
            {
                foreach (var (name, fieldValue) in fields)
                {
                    Set(match, name, fieldValue?.DeepClone());
                }
            }
            else
            {
                throw ScimException.InvalidValue($"The value for '{path}' must be an object.");
            }
        }
    }

    private static void ApplySimple(JsonObject resource, string op, string attribute, JsonNode? value)
    {
        var parts = attribute.Split('.', 2);
        var parent = parts.Length == 1 ? resource : Child(resource, parts[0], create: op != "remove");
        var key = parts[^1];
        if (parent is null)
        {
            return;
        }
        if (op == "remove")
        {
            Remove(parent, key);
            return;
        }
        if (value is null)
        {
            throw ScimException.InvalidValue($"The {op} operation on '{attribute}' needs a value.");
        }
        var existing = Scim.Get(parent, key);
        if (op == "add" && existing is JsonArray list && value is JsonArray additions)
        {
            foreach (var item in additions)
            {
                list.Add(item?.DeepClone());
            }
            return;
        }
        if (existing is JsonObject current && value is JsonObject fields)
        {
            foreach (var (name, fieldValue) in fields)
            {
                Set(current, name, fieldValue?.DeepClone());
            }
            return;
        }
        Set(parent, key, value);
    }

    private static JsonObject? Child(JsonObject resource, string name, bool create)
    {
        if (Scim.Get(resource, name) is JsonObject child)
        {
            return child;
        }
        if (!create)
        {
            return null;
        }
        var created = new JsonObject();
        Set(resource, name, created);
        return created;
    }

    private static void Set(JsonObject target, string name, JsonNode? value)
    {
        Remove(target, name);
        target[name] = value;
    }

    private static void Remove(JsonObject target, string name)
    {
        foreach (var key in target.Select(p => p.Key).Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            target.Remove(key);
        }
    }

    private static JsonNode? ToNode(object value) => value switch
    {
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        _ => null,
    };
}
