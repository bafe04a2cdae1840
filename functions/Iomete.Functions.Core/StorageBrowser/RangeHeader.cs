using System.Globalization;
using System.Text.RegularExpressions;

namespace Iomete.Functions.Core.StorageBrowser;

/// <summary>A single <c>Range: bytes=…</c> request resolved against an object's size (RFC 9110 §14).</summary>
internal static partial class RangeHeader
{
    [GeneratedRegex(@"^\s*bytes\s*=\s*(?<from>[0-9]*)\s*-\s*(?<to>[0-9]*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Single();

    /// <summary>
    /// The inclusive range to send; null to send the whole object (no header, or a header we ignore
    /// as RFC 9110 allows: malformed or several ranges); <c>Unsatisfiable</c> for a 416.
    /// </summary>
    public static (long From, long To)? Resolve(string? header, long size, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var match = Single().Match(header);
        if (!match.Success)
        {
            return null;
        }
        var fromText = match.Groups["from"].Value;
        var toText = match.Groups["to"].Value;
        if (fromText.Length == 0 && toText.Length == 0)
        {
            return null;
        }
        if (!TryLong(fromText, out var from) || !TryLong(toText, out var to))
        {
            return null;
        }
        if (fromText.Length == 0)
        {
            // Suffix: the last N bytes.
            if (to == 0 || size == 0)
            {
                unsatisfiable = true;
                return null;
            }
            return (Math.Max(0, size - to), size - 1);
        }
        if (toText.Length > 0 && to < from)
        {
            return null;
        }
        if (from >= size)
        {
            unsatisfiable = true;
            return null;
        }
        return (from, toText.Length == 0 ? size - 1 : Math.Min(to, size - 1));
    }

    private static bool TryLong(string text, out long value)
    {
        value = 0;
        return text.Length == 0 || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
