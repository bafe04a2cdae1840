namespace Iomete.DataSecurity.Engine;

/// <summary>Ranger's wildcard matching: <c>*</c> is any sequence (also empty), <c>?</c> exactly one character.</summary>
internal static class Wildcard
{
    public static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The literal text before the first wildcard.</summary>
    public static string LiteralPrefix(string pattern)
    {
        var i = pattern.AsSpan().IndexOfAny('*', '?');
        return i < 0 ? pattern : pattern[..i];
    }

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
