using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>
/// Values as Helm holds them: maps, lists and scalars, where every number is a double (Helm reads values through
/// JSON, so <c>1000000</c> is a float64 and prints as <c>1e+06</c>).
/// </summary>
internal static class ChartValues
{
    public static Dictionary<string, object?> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0
            ? []
            : Convert(stream.Documents[0].RootNode) as Dictionary<string, object?> ?? throw new InvalidDataException("values must be a map");
    }

    /// <summary>A deep copy with <paramref name="overrides"/> set, keys as dotted paths (<c>storage.type</c>), like <c>--set</c>.</summary>
    public static Dictionary<string, object?> With(Dictionary<string, object?> values, IReadOnlyDictionary<string, object?> overrides)
    {
        var copy = (Dictionary<string, object?>)DeepCopy(values)!;
        foreach (var (path, value) in overrides)
        {
            var keys = path.Split('.');
            var map = copy;
            foreach (var key in keys[..^1])
            {
                if (map.GetValueOrDefault(key) is not Dictionary<string, object?> child)
                    map[key] = child = [];
                map = child;
            }
            map[keys[^1]] = Normalize(value);
        }
        return copy;
    }

    private static object? Normalize(object? value) => value switch
    {
        int i => (double)i,
        long l => (double)l,
        IEnumerable<string> list => list.Select(s => (object?)s).ToList(),
        _ => value,
    };

    private static object? DeepCopy(object? value) => value switch
    {
        Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => DeepCopy(p.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(DeepCopy).ToList(),
        _ => value,
    };

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Convert(p.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}"),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
            return text;
        if (text is "" or "~" or "null")
            return null;
        if (text is "true" or "false")
            return text == "true";
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit)
            ? number
            : text;
    }
}
