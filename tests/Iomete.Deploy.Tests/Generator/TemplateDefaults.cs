using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>
/// A minimal renderer for the generated templates only (the chart's full renderer lives under <c>Chart/</c>): it
/// implements exactly what the generator writes, so a generator change that needs more fails here first:
/// <c>{{ .Values.a.b }}</c>, <c>{{ .Release.Name|Namespace }}</c>, the pipes <c>quote</c>, <c>toYaml</c> and
/// <c>nindent N</c>, and <c>if</c>/<c>if not</c>/<c>else</c>/<c>end</c> (nested) with <c>{{-</c>/<c>-}}</c> trimming.
/// </summary>
internal static partial class TemplateDefaults
{
    public static string Render(string template, JsonObject values)
    {
        var output = new StringBuilder();
        var emitting = new Stack<(bool Parent, bool Branch)>();
        var on = true;
        var position = 0;
        var trimNext = false;
        foreach (Match action in Action().Matches(template))
        {
            var text = template[position..action.Index];
            if (trimNext)
                text = text.TrimStart();
            if (action.Groups["left"].Value == "-")
                text = text.TrimEnd();
            if (on)
                output.Append(text);
            trimNext = action.Groups["right"].Value == "-";
            position = action.Index + action.Length;
            var body = action.Groups["body"].Value.Trim();
            switch (body.Split(' ', 2)[0])
            {
                case "if":
                    var condition = body[3..].Trim();
                    var truth = condition.StartsWith("not ", StringComparison.Ordinal) ? !Truthy(Lookup(condition[4..].Trim(), values)) : Truthy(Lookup(condition, values));
                    emitting.Push((on, truth));
                    on = on && truth;
                    break;
                case "else":
                    var (parent, branch) = emitting.Pop();
                    emitting.Push((parent, !branch));
                    on = parent && !branch;
                    break;
                case "end":
                    on = emitting.Pop().Parent;
                    break;
                default:
                    if (on)
                        output.Append(Evaluate(body, values));
                    break;
            }
        }
        Assert.Empty(emitting);
        var rest = template[position..];
        output.Append(trimNext ? rest.TrimStart() : rest);
        return output.ToString();
    }

    private static string Evaluate(string pipeline, JsonObject values)
    {
        var stages = pipeline.Split('|').Select(s => s.Trim()).ToList();
        var value = Lookup(stages[0], values);
        var text = value is JsonValue scalar ? scalar.ToString() : value?.ToJsonString() ?? "";
        foreach (var stage in stages.Skip(1))
        {
            var words = stage.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            text = words[0] switch
            {
                "quote" => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                "toYaml" => ToYaml(value, 0).TrimEnd('\n'),
                "nindent" => "\n" + string.Join('\n', text.Split('\n').Select(l => new string(' ', int.Parse(words[1], CultureInfo.InvariantCulture)) + l)),
                _ => throw new NotSupportedException($"Pipe '{stage}' is outside what the generator may write."),
            };
        }
        return text;
    }

    private static JsonNode? Lookup(string path, JsonObject values)
    {
        if (!path.StartsWith('.'))
            throw new NotSupportedException($"'{path}' is outside what the generator may write.");
        JsonNode? node = values;
        foreach (var key in path[1..].Split('.'))
            node = node is JsonObject map ? map[key] : null;
        return node;
    }

    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => true,
    };

    private static string ToYaml(JsonNode? node, int indent)
    {
        if (node is not JsonObject map)
            return (node?.ToString() ?? "null") + "\n";
        var text = new StringBuilder();
        foreach (var (key, child) in map)
        {
            text.Append(new string(' ', indent)).Append(key).Append(':');
            text.Append(child is JsonObject ? "\n" + ToYaml(child, indent + 2) : " " + ToYaml(child, 0));
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\{\{(?<left>-?)(?<body>.*?)(?<right>-?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();
}
