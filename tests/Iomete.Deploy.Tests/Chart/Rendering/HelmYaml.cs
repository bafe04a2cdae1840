using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Iomete.Deploy.Tests.Chart.Rendering;

/// <summary>
/// Helm's <c>toYaml</c>: map keys sorted (Go maps have no order), block style, sequences at their key's indentation,
/// strings quoted when YAML would read them as something else, no trailing newline.
/// </summary>
internal static partial class HelmYaml
{
    public static string Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString().TrimEnd('\n');
    }

    private static void Write(StringBuilder builder, object? value, int indent)
    {
        var pad = new string(' ', indent);
        switch (value)
        {
            case Dictionary<string, object?> { Count: 0 }:
                builder.Append("{}\n");
                break;
            case List<object?> { Count: 0 }:
                builder.Append("[]\n");
                break;
            case Dictionary<string, object?> map:
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(pad).Append(Scalar(key)).Append(':');
                    WriteChild(builder, item, indent, item is List<object?> { Count: > 0 } ? indent : indent + 2);
                }
                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    builder.Append(pad).Append('-');
                    if (item is Dictionary<string, object?> { Count: > 0 } or List<object?> { Count: > 0 })
                    {
                        // The first entry of a nested map or list goes on the dash's line.
                        var nested = new StringBuilder();
                        Write(nested, item, indent + 2);
                        builder.Append(' ').Append(nested.ToString()[(indent + 2)..]);
                    }
                    else
                    {
                        WriteChild(builder, item, indent, indent + 2);
                    }
                }
                break;
            default:
                builder.Append(pad).Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder builder, object? item, int indent, int childIndent)
    {
        if (item is Dictionary<string, object?> { Count: > 0 } or List<object?> { Count: > 0 })
        {
            builder.Append('\n');
            Write(builder, item, childIndent);
        }
        else if (item is Dictionary<string, object?> or List<object?>)
        {
            builder.Append(' ');
            Write(builder, item, 0);
        }
        else
        {
            builder.Append(' ').Append(Scalar(item)).Append('\n');
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s when NeedsQuotes(s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        string s => s,
        _ => throw new InvalidOperationException($"cannot write a {value.GetType().Name} as YAML"),
    };

    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s != s.Trim() || s.Contains('\n') || Special().IsMatch(s)
        || s.ToLowerInvariant() is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off" or "y" or "n"
        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[-?:,\[\]{}#&*!|>'""%@`]|: | #|:$")]
    private static partial Regex Special();
}
