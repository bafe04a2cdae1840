using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.Account;

/// <summary>One parameter of an operation (path, query or header).</summary>
public sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Description);

/// <summary>A schema as a tree a person reads: a name, a type text, and the properties of objects (depth-limited).</summary>
public sealed record SchemaNode(string Name, string Type, bool Required, string? Description, IReadOnlyList<SchemaNode> Children);

/// <summary>One response of an operation: status, description and body schema.</summary>
public sealed record ApiResponse(string Status, string? Description, SchemaNode? Body);

/// <summary>One operation of the OpenAPI document.</summary>
public sealed record ApiOperation(
    string Tag, string Method, string Path, string? Summary, string? Description, string? OperationId,
    IReadOnlyList<ApiParameter> Parameters, SchemaNode? RequestBody, IReadOnlyList<ApiResponse> Responses)
{
    /// <summary>A stable id for anchors and test ids: <c>get-api-v1-user</c>.</summary>
    public string Id => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);

    public bool Matches(string query) =>
        query.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word =>
            Path.Contains(word, StringComparison.OrdinalIgnoreCase) || Method.Contains(word, StringComparison.OrdinalIgnoreCase) ||
            Tag.Contains(word, StringComparison.OrdinalIgnoreCase) || (Summary?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false) ||
            (OperationId?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false));
}

/// <summary>The platform's OpenAPI document read for the console's viewer: operations grouped by tag, searchable.</summary>
public sealed class OpenApiModel
{
    private const int MaxDepth = 4;
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete", "head", "options"];
    private readonly JsonElement schemas;

    private OpenApiModel(JsonElement root)
    {
        var info = root.Obj("info") ?? default;
        Title = info.Str("title") ?? "API";
        Version = info.Str("version") ?? "";
        schemas = (root.Obj("components") ?? default).Obj("schemas") ?? default;
        var operations = new List<ApiOperation>();
        if (root.Obj("paths") is { ValueKind: JsonValueKind.Object } paths)
        {
            foreach (var path in paths.EnumerateObject())
            {
                var shared = path.Value.Items("parameters").ToList();
                foreach (var method in Methods)
                {
                    if (path.Value.Obj(method) is { ValueKind: JsonValueKind.Object } op)
                    {
                        operations.Add(Read(path.Name, method.ToUpperInvariant(), op, shared));
                    }
                }
            }
        }
        Operations = operations;
    }

    public string Title { get; }

    public string Version { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static OpenApiModel Parse(JsonElement document) => new(document);

    /// <summary>Operations matching <paramref name="query"/> (every word must match), grouped by tag in name order.</summary>
    public IReadOnlyList<IGrouping<string, ApiOperation>> Groups(string? query)
    {
        var matching = string.IsNullOrWhiteSpace(query) ? Operations : Operations.Where(o => o.Matches(query.Trim()));
        return [.. matching.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)];
    }

    private ApiOperation Read(string path, string method, JsonElement op, List<JsonElement> shared)
    {
        var tag = op.Items("tags").Select(t => t.GetString()).FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? "Other";
        var parameters = shared.Concat(op.Items("parameters")).Select(Resolve).Select(p => new ApiParameter(
            p.Str("name") ?? "", p.Str("in") ?? "", p.Bool("required"), TypeOf(p.Obj("schema") ?? default), p.Str("description"))).ToList();
        SchemaNode? body = null;
        if (op.Obj("requestBody") is { } rb && BodySchema(Resolve(rb)) is { } bodySchema)
        {
            body = Node("body", bodySchema, Resolve(rb).Bool("required"), 0, []);
        }
        var responses = new List<ApiResponse>();
        if (op.Obj("responses") is { ValueKind: JsonValueKind.Object } rs)
        {
            foreach (var r in rs.EnumerateObject())
            {
                var response = Resolve(r.Value);
                responses.Add(new ApiResponse(r.Name, response.Str("description"),
                    BodySchema(response) is { } s ? Node("body", s, false, 0, []) : null));
            }
        }
        return new ApiOperation(tag, method, path, op.Str("summary"), op.Str("description"), op.Str("operationId"), parameters, body, responses);
    }

    private static JsonElement? BodySchema(JsonElement withContent)
    {
        if (withContent.Obj("content") is not { ValueKind: JsonValueKind.Object } content)
        {
            return null;
        }
        foreach (var media in content.EnumerateObject())
        {
            if (media.Value.Obj("schema") is { } schema)
            {
                return schema;
            }
        }
        return null;
    }

    private JsonElement Resolve(JsonElement e)
    {
        if (e.Str("$ref") is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            && schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(reference["#/components/schemas/".Length..], out var target))
        {
            return target;
        }
        return e;
    }

    private static string RefName(JsonElement e) => e.Str("$ref") is { } r ? r[(r.LastIndexOf('/') + 1)..] : "";

    /// <summary>A short type text: <c>string</c>, <c>integer | null</c>, <c>UserView[]</c>, <c>ACTIVE | DISABLED</c>.</summary>
    private string TypeOf(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            return "any";
        }
        if (s.Str("$ref") is not null)
        {
            var target = Resolve(s);
            return target.Obj("enum") is not null ? string.Join(" | ", target.Items("enum").Select(v => v.ToString())) : RefName(s);
        }
        if (s.Obj("enum") is not null)
        {
            return string.Join(" | ", s.Items("enum").Select(v => v.ValueKind == JsonValueKind.Null ? "null" : v.ToString()));
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (s.Obj(combinator) is not null)
            {
                return string.Join(combinator == "allOf" ? " & " : " | ", s.Items(combinator).Select(TypeOf));
            }
        }
        var type = s.Obj("type") is { ValueKind: JsonValueKind.Array } types
            ? string.Join(" | ", types.EnumerateArray().Select(t => t.GetString()))
            : s.Str("type") ?? (s.Obj("properties") is not null ? "object" : "any");
        if (type.Contains("array", StringComparison.Ordinal) && s.Obj("items") is { } items)
        {
            type = type.Replace("array", TypeOf(items) + "[]", StringComparison.Ordinal);
        }
        return s.Str("format") is { } format ? $"{type} ({format})" : type;
    }

    private SchemaNode Node(string name, JsonElement schema, bool required, int depth, HashSet<string> seen)
    {
        var type = TypeOf(schema);
        var target = Resolve(schema);
        var refName = RefName(schema);
        var children = new List<SchemaNode>();
        if (depth < MaxDepth && (refName.Length == 0 || !seen.Contains(refName)))
        {
            var inner = new HashSet<string>(seen);
            if (refName.Length > 0)
            {
                inner.Add(refName);
            }
            var objectSchema = target.Obj("items") is { } items && target.Obj("properties") is null ? Resolve(items) : target;
            if (objectSchema.Obj("properties") is { ValueKind: JsonValueKind.Object } props)
            {
                var requiredNames = objectSchema.Items("required").Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal);
                foreach (var p in props.EnumerateObject())
                {
                    children.Add(Node(p.Name, p.Value, requiredNames.Contains(p.Name), depth + 1, inner));
                }
            }
        }
        return new SchemaNode(name, type, required, target.Str("description") ?? schema.Str("description"), children);
    }
}
