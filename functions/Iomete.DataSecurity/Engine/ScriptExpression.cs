using System.Globalization;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// The subset of Ranger's script conditions the engine understands: <c>IS_IN_ROLE('r')</c>, <c>IS_IN_GROUP('g')</c>,
/// <c>IS_IN_ANY_ROLE()</c>, <c>IS_IN_ANY_GROUP()</c>, <c>ctx.isAccessedBefore('attr')</c>, <c>ctx.isAccessedAfter('attr')</c>
/// (the current tag's date attribute), <c>true</c>/<c>false</c>, combined with <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and
/// parentheses, optionally written as <c>if (expr) ctx.result = true;</c>. Anything else does not parse.
/// </summary>
internal static class ScriptExpression
{
    private static readonly string[] DateFormats =
    [
        "yyyy/MM/dd", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy/MM/dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy/MM/dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>Parses the script, or returns null when it uses anything outside the subset.</summary>
    public static Func<ConditionContext, bool>? TryParse(string script)
    {
        var text = Unwrap(script.Trim());
        var parser = new Parser(text);
        var expr = parser.ParseOr();
        return expr is not null && parser.AtEnd ? expr : null;
    }

    private static string Unwrap(string text)
    {
        if (!text.StartsWith("if", StringComparison.Ordinal))
        {
            return text.TrimEnd(';').Trim();
        }
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var tail = text.LastIndexOf("ctx.result", StringComparison.Ordinal);
        if (open < 0 || tail < 0)
        {
            return text;
        }
        var close = text.LastIndexOf(')', tail);
        return close > open ? text[(open + 1)..close].Trim() : text;
    }

    internal static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return DateTimeOffset.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed) ? parsed : null;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _pos >= text.Length;
            }
        }

        public Func<ConditionContext, bool>? ParseOr()
        {
            var left = ParseAnd();
            while (left is not null && Take("||"))
            {
                var right = ParseAnd();
                if (right is null)
                {
                    return null;
                }
                var l = left;
                left = c => l(c) || right(c);
            }
            return left;
        }

        private Func<ConditionContext, bool>? ParseAnd()
        {
            var left = ParseUnary();
            while (left is not null && Take("&&"))
            {
                var right = ParseUnary();
                if (right is null)
                {
                    return null;
                }
                var l = left;
                left = c => l(c) && right(c);
            }
            return left;
        }

        private Func<ConditionContext, bool>? ParseUnary()
        {
            if (Take("!"))
            {
                var inner = ParseUnary();
                return inner is null ? null : c => !inner(c);
            }
            if (Take("("))
            {
                var inner = ParseOr();
                return inner is not null && Take(")") ? inner : null;
            }
            return ParseAtom();
        }

        private Func<ConditionContext, bool>? ParseAtom()
        {
            if (Take("true"))
            {
                return _ => true;
            }
            if (Take("false"))
            {
                return _ => false;
            }
            foreach (var (name, build) in Functions)
            {
                if (Take(name) && Take("("))
                {
                    var arg = TakeString();
                    return Take(")") ? build(arg) : null;
                }
            }
            return null;
        }

        private static readonly (string Name, Func<string?, Func<ConditionContext, bool>?> Build)[] Functions =
        [
            ("IS_IN_ROLE", a => a is null ? null : c => c.User.Roles.Contains(a)),
            ("IS_IN_GROUP", a => a is null ? null : c => a == PolicyEngine.PublicGroup || c.User.Groups.Contains(a)),
            ("IS_IN_ANY_ROLE", a => a is null ? c => c.User.Roles.Count > 0 : null),
            ("IS_IN_ANY_GROUP", a => a is null ? c => c.User.Groups.Count > 0 : null),
            ("ctx.isAccessedBefore", a => a is null ? null : c => Compare(c, a) < 0),
            ("ctx.isAccessedAfter", a => a is null ? null : c => Compare(c, a) > 0),
        ];

        private static int Compare(ConditionContext c, string attribute)
        {
            var value = c.TagAttributes is not null && c.TagAttributes.TryGetValue(attribute, out var v) ? ParseDate(v) : null;
            // Ranger: a missing or unreadable date never satisfies before/after.
            return value is null ? 0 : c.AccessTime.CompareTo(value.Value);
        }

        private string? TakeString()
        {
            SkipSpace();
            if (_pos >= text.Length || (text[_pos] != '\'' && text[_pos] != '"'))
            {
                return null;
            }
            var quote = text[_pos];
            var end = text.IndexOf(quote, _pos + 1);
            if (end < 0)
            {
                return null;
            }
            var value = text[(_pos + 1)..end];
            _pos = end + 1;
            return value;
        }

        private bool Take(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0)
            {
                return false;
            }
            _pos += token.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
