using System.Text;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>Builds search filters. Every value taken from a request or an entry is escaped (RFC 4515 §3).</summary>
internal static class LdapFilter
{
    /// <summary>Escapes <c>*</c>, <c>(</c>, <c>)</c>, <c>\</c> and NUL (and any non-ASCII byte) as <c>\XX</c>.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'*' or (byte)'(' or (byte)')' or (byte)'\\' or 0 or >= 0x80)
            {
                builder.Append('\\').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// <c>(&amp;(objectClass=a)(objectClass=b)(extra1)(extra2)[(attribute=value)])</c>: every object class and every
    /// admin filter must match. Object classes and attribute names are validated names; the value is escaped.
    /// </summary>
    public static string Build(IEnumerable<string> objectClasses, IEnumerable<string> filters, string? attribute = null, string? value = null)
    {
        var parts = objectClasses.Select(c => $"(objectClass={c})").Concat(filters).ToList();
        if (attribute is not null && value is not null)
        {
            parts.Add($"({attribute}={Escape(value)})");
        }
        return parts.Count switch
        {
            0 => "(objectClass=*)",
            1 => parts[0],
            _ => "(&" + string.Concat(parts) + ")",
        };
    }

    /// <summary>Why an admin's filter cannot be used (not parenthesized or unbalanced), or null when it can.</summary>
    public static string? Problem(string filter)
    {
        if (filter.Length < 3 || filter[0] != '(' || filter[^1] != ')')
        {
            return "must be enclosed in parentheses, e.g. (department=sales)";
        }
        var depth = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c == '\0')
            {
                return "contains a NUL character";
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0 || (depth == 0 && i < filter.Length - 1))
            {
                return "has unbalanced parentheses or more than one top-level filter";
            }
            if (c == '=' && i > 0 && filter[i - 1] == '(')
            {
                return "has an empty attribute name";
            }
        }
        return depth == 0 ? null : "has unbalanced parentheses";
    }
}
