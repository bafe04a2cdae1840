using System.Text.Json;
using System.Text.RegularExpressions;
using Iomete.Testing;

namespace Iomete.Functions.IcebergRest.Tests.Support;

/// <summary>
/// Checks JSON bodies against the schemas of the Iceberg REST spec, read from the shared spec file
/// (never copied into the project). It reads the subset of YAML the schemas use (nested maps and
/// lists of scalars) and checks types, required members, nullability, array items, map values
/// and <c>additionalProperties: false</c> — enough to catch a wrong shape.
/// </summary>
internal sealed partial class SpecSchemas
{
    private readonly Dictionary<string, Node> _schemas;

    private SpecSchemas(Dictionary<string, Node> schemas) => _schemas = schemas;

    public static string SpecPath() => Path.Combine(Requires.SharedFolder(), "specs", "iceberg", "rest-catalog-open-api.1.11.x.yaml");

    public static SpecSchemas Load()
    {
        var lines = File.ReadAllLines(SpecPath());
        var start = Array.FindIndex(lines, l => l == "  schemas:");
        var root = Parse(lines, start + 1, 4);
        return new SpecSchemas(root.Map);
    }

    /// <summary>The problems found (empty when the value conforms).</summary>
    public IReadOnlyList<string> Validate(string schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(_schemas.TryGetValue(schema, out var node) ? node : throw new ArgumentException($"No schema {schema} in the spec."), value, "$", problems);
        return problems;
    }

    private void Check(Node schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.Scalar("$ref") is { } reference)
        {
            Check(_schemas[reference.Trim('\'', '"').Split('/')[^1]], value, path, problems);
            return;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (schema.Scalar("nullable") != "true")
            {
                problems.Add($"{path}: null is not allowed");
            }
            return;
        }
        foreach (var part in schema.Child("allOf")?.Items ?? [])
        {
            Check(part, value, path, problems);
        }
        var choices = schema.Child("oneOf")?.Items ?? schema.Child("anyOf")?.Items;
        if (choices is { Count: > 0 })
        {
            var attempts = choices.Select(c =>
            {
                var found = new List<string>();
                Check(c, value, path, found);
                return found;
            }).ToList();
            if (attempts.All(a => a.Count > 0))
            {
                problems.Add($"{path}: matches none of the {choices.Count} alternatives (first: {string.Join("; ", attempts[0])})");
            }
        }
        if (schema.Child("enum") is { List.Count: > 0 } allowed && value.ValueKind == JsonValueKind.String && !allowed.List.Contains(value.GetString()!))
        {
            problems.Add($"{path}: '{value.GetString()}' is not one of {string.Join(", ", allowed.List)}");
        }
        var type = schema.Scalar("type") ?? (schema.Child("properties") is not null ? "object" : null);
        switch (type)
        {
            case "object":
                CheckObject(schema, value, path, problems);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected an array, got {value.ValueKind}");
                }
                else if (schema.Child("items") is { } items)
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(items, item, $"{path}[{i++}]", problems);
                    }
                }
                break;
            case "string" when value.ValueKind != JsonValueKind.String:
                problems.Add($"{path}: expected a string, got {value.ValueKind}");
                break;
            case "integer" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _):
                problems.Add($"{path}: expected an integer, got {value.ValueKind}");
                break;
            case "integer" when (schema.Scalar("minimum") is { } min && value.GetInt64() < long.Parse(min)) || (schema.Scalar("maximum") is { } max && value.GetInt64() > long.Parse(max)):
                problems.Add($"{path}: {value.GetInt64()} is out of range");
                break;
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add($"{path}: expected a boolean, got {value.ValueKind}");
                break;
        }
    }

    private void CheckObject(Node schema, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {value.ValueKind}");
            return;
        }
        foreach (var required in schema.Child("required")?.List ?? [])
        {
            if (!value.TryGetProperty(required, out _))
            {
                problems.Add($"{path}: required member '{required}' is missing");
            }
        }
        var properties = schema.Child("properties")?.Map ?? [];
        var additional = schema.Child("additionalProperties");
        foreach (var member in value.EnumerateObject())
        {
            if (properties.TryGetValue(member.Name, out var property))
            {
                Check(property, member.Value, $"{path}.{member.Name}", problems);
            }
            else if (schema.Scalar("additionalProperties") == "false")
            {
                problems.Add($"{path}: member '{member.Name}' is not allowed");
            }
            else if (additional is not null)
            {
                Check(additional, member.Value, $"{path}.{member.Name}", problems);
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Map { get; } = new(StringComparer.Ordinal);
        public List<string> List { get; } = [];
        public List<Node> Items { get; } = [];
        public string? Value { get; set; }

        public Node? Child(string key) => Map.GetValueOrDefault(key);

        public string? Scalar(string key) => Map.GetValueOrDefault(key)?.Value;
    }

    /// <summary>Reads the block at <paramref name="indent"/> starting at line <paramref name="index"/>.</summary>
    private static Node Parse(string[] lines, int index, int indent) => ParseBlock(lines, ref index, indent);

    private static Node ParseBlock(string[] lines, ref int index, int indent)
    {
        var node = new Node();
        while (index < lines.Length)
        {
            var line = lines[index];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                index++;
                continue;
            }
            var lineIndent = line.Length - line.TrimStart().Length;
            if (lineIndent < indent)
            {
                break;
            }
            if (lineIndent > indent)
            {
                index++; // continuation of a multi-line scalar or an example
                continue;
            }
            var text = line.Trim();
            if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                var itemText = text[2..].Trim();
                if (KeyLine().IsMatch(itemText))
                {
                    // A list item that is a map ("- $ref: ..." or "- type: object" with members below it).
                    lines[index] = new string(' ', indent + 2) + itemText;
                    node.Items.Add(ParseBlock(lines, ref index, indent + 2));
                    continue;
                }
                node.List.Add(itemText.Trim('"', '\''));
                index++;
                continue;
            }
            var match = KeyLine().Match(text);
            index++;
            if (!match.Success)
            {
                continue;
            }
            var key = match.Groups["key"].Value.Trim('"', '\'');
            var value = match.Groups["value"].Value.Trim();
            if (key is "description" or "example" or "examples" || value is "|" or ">" or "|-" or ">-")
            {
                SkipDeeper(lines, ref index, indent);
                continue;
            }
            if (value.Length > 0)
            {
                node.Map[key] = new Node { Value = value.Trim('"', '\'') };
                continue;
            }
            var next = NextContentIndent(lines, index);
            node.Map[key] = next > indent ? ParseBlock(lines, ref index, next) : new Node();
        }
        return node;
    }

    private static void SkipDeeper(string[] lines, ref int index, int indent)
    {
        while (index < lines.Length && (lines[index].Trim().Length == 0 || lines[index].Length - lines[index].TrimStart().Length > indent))
        {
            index++;
        }
    }

    private static int NextContentIndent(string[] lines, int index)
    {
        for (; index < lines.Length; index++)
        {
            if (lines[index].Trim().Length > 0)
            {
                return lines[index].Length - lines[index].TrimStart().Length;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_$\-""']+):(\s+(?<value>.*))?$")]
    private static partial Regex KeyLine();
}
