using System.Text;

namespace Iomete.Iceberg.Expressions;

/// <summary>starts-with tests on UTF-8 string bounds, which may be truncated (lower: a prefix of the true minimum; upper: above the true maximum).</summary>
internal static class Prefixes
{
    public static bool MightStartWith(byte[] lower, byte[]? upper, string prefix)
    {
        var p = Encoding.UTF8.GetBytes(prefix);
        var lowerHead = lower.AsSpan(0, Math.Min(lower.Length, p.Length));
        if (lowerHead.SequenceCompareTo(p) > 0)
        {
            return false;
        }
        if (upper is null)
        {
            return true;
        }
        var upperHead = upper.AsSpan(0, Math.Min(upper.Length, p.Length));
        return upperHead.SequenceCompareTo(p) >= 0;
    }

    public static bool AllStartWith(byte[]? lower, byte[]? upper, string prefix)
    {
        if (lower is null || upper is null)
        {
            return false;
        }
        var p = Encoding.UTF8.GetBytes(prefix);
        return lower.Length >= p.Length && upper.Length >= p.Length
            && lower.AsSpan(0, p.Length).SequenceEqual(p) && upper.AsSpan(0, p.Length).SequenceEqual(p);
    }
}
