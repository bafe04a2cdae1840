using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// References in node parameters: <c>${nodes.KEY.runId}</c>, <c>${nodes.KEY.state}</c>, <c>${nodes.KEY.output.FIELD[.FIELD…]}</c>
/// and <c>${params.NAME}</c>, inside any string value of the parameters object (nested objects and arrays too). Other
/// <c>${…}</c> text (e.g. Spark's <c>${env:X}</c>) is left alone. A resolved value is spliced into the string as text.
/// </summary>
public static partial class PipelineTemplates
{
    public const string NodesScope = "nodes";
    public const string ParamsScope = "params";

    /// <summary>A reference: scope <c>nodes</c> (Name = node key, Field = runId | state | output.path) or <c>params</c> (Name).</summary>
    public sealed record Reference(string Text, string Scope, string Name, string? Field);

    public static IEnumerable<Reference> References(JsonNode? parameters) =>
        Strings(parameters).SelectMany(s => Pattern().Matches(s)).Select(Parse).OfType<Reference>();

    /// <summary>Problems of references that cannot mean anything (unknown node field).</summary>
    public static IEnumerable<string> Malformed(JsonNode? parameters) =>
        Strings(parameters).SelectMany(s => Pattern().Matches(s)).Where(m => Parse(m) is null)
            .Select(m => $"'{m.Value}' is not a valid reference (use ${{nodes.KEY.runId}}, ${{nodes.KEY.state}}, ${{nodes.KEY.output.FIELD}} or ${{params.NAME}})");

    /// <summary>
    /// A copy of <paramref name="parameters"/> with every reference replaced by <paramref name="lookup"/>'s value; references it
    /// cannot resolve (null) are listed in <paramref name="unresolved"/> and left as they were.
    /// </summary>
    public static JsonObject? Resolve(JsonObject? parameters, Func<Reference, string?> lookup, out IReadOnlyList<string> unresolved)
    {
        var missing = new List<string>();
        unresolved = missing;
        if (parameters is null)
        {
            return null;
        }
        var copy = parameters.DeepClone().AsObject();
        Rewrite(copy, value => Pattern().Replace(value, match =>
        {
            if (Parse(match) is { } reference && lookup(reference) is { } resolved)
            {
                return resolved;
            }
            missing.Add(match.Value);
            return match.Value;
        }));
        return copy;
    }

    /// <summary>The value of a dotted path in a JSON object text: strings as they are, other values as JSON text; null when absent.</summary>
    public static string? Field(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node!.ToJsonString();
    }

    private static Reference? Parse(Match match)
    {
        var scope = match.Groups["scope"].Value;
        var path = match.Groups["path"].Value;
        if (scope == ParamsScope)
        {
            return path.Length > 0 && !path.Contains('.', StringComparison.Ordinal) ? new Reference(match.Value, scope, path, null) : null;
        }
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }
        var field = path[(dot + 1)..];
        return field is "runId" or "state" || (field.StartsWith("output.", StringComparison.Ordinal) && field.Length > "output.".Length)
            ? new Reference(match.Value, scope, path[..dot], field)
            : null;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static void Rewrite(JsonNode node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = rewrite(text);
                    }
                    else if (obj[key] is { } child)
                    {
                        Rewrite(child, rewrite);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = rewrite(text);
                    }
                    else if (array[i] is { } child)
                    {
                        Rewrite(child, rewrite);
                    }
                }
                break;
        }
    }

    [GeneratedRegex(@"\$\{(?<scope>nodes|params)\.(?<path>[^}]*)\}")]
    private static partial Regex Pattern();
}
