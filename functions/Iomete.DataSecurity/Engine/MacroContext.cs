using System.Text;

namespace Iomete.DataSecurity.Engine;

/// <summary>What Ranger's macros expand to for one request: <c>{USER}</c>, <c>{OWNER}</c>, <c>${{USER.attr}}</c>.</summary>
internal readonly record struct MacroContext(string User, string? Owner, IReadOnlyDictionary<string, string> Attributes)
{
    public static bool HasMacro(string value) =>
        value.Contains("{USER}", StringComparison.Ordinal)
        || value.Contains("{OWNER}", StringComparison.Ordinal)
        || value.Contains("${{", StringComparison.Ordinal);

    /// <summary>Expands macros in a resource value; null when it names <c>{OWNER}</c> and the resource has no owner.</summary>
    public string? ExpandResource(string value)
    {
        if (value.Contains("{OWNER}", StringComparison.Ordinal) && Owner is null)
        {
            return null;
        }
        var expanded = ExpandAttributes(value, quote: false);
        return expanded.Replace("{USER}", User, StringComparison.Ordinal).Replace("{OWNER}", Owner ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Expands <c>${{USER}}</c>, <c>${{USER.attr}}</c> and <c>{USER}</c> in a SQL expression (row filter, CUSTOM mask);
    /// values are inserted with single quotes doubled so that they cannot end a SQL string literal.
    /// An attribute the user does not have expands to the empty string.
    /// </summary>
    public string? ExpandSql(string? expression)
    {
        if (expression is null || (!expression.Contains('{', StringComparison.Ordinal)))
        {
            return expression;
        }
        var expanded = ExpandAttributes(expression, quote: true);
        return expanded.Replace("{USER}", Quote(User), StringComparison.Ordinal);
    }

    private string ExpandAttributes(string text, bool quote)
    {
        var start = text.IndexOf("${{", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        var pos = 0;
        while (start >= 0)
        {
            var end = text.IndexOf("}}", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }
            sb.Append(text, pos, start - pos);
            var name = text[(start + 3)..end].Trim();
            var value = Resolve(name);
            sb.Append(quote ? Quote(value) : value);
            pos = end + 2;
            start = text.IndexOf("${{", pos, StringComparison.Ordinal);
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    private string Resolve(string name)
    {
        if (name == "USER")
        {
            return User;
        }
        if (name.StartsWith("USER.", StringComparison.Ordinal))
        {
            return Attributes.TryGetValue(name[5..], out var v) ? v : "";
        }
        return "";
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
