using System.Globalization;
using System.Numerics;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>Decimal values as text, exactly (no binary floating point on the way): checks precision and scale.</summary>
internal static class DecimalText
{
    public static bool TryCanonical(string text, int precision, int scale, out string canonical, out string? problem)
    {
        canonical = "";
        problem = null;
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var exponent = 0;
        var mantissa = text;
        if (exponentAt >= 0)
        {
            if (!int.TryParse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 100)
            {
                problem = $"'{Clip(text)}' is not a decimal";
                return false;
            }
            mantissa = text[..exponentAt];
        }
        var negative = mantissa.StartsWith('-');
        var unsigned = mantissa.TrimStart('-', '+');
        var dot = unsigned.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? unsigned : unsigned[..dot];
        var fraction = dot < 0 ? "" : unsigned[(dot + 1)..];
        if (unsigned.Length == 0 || (whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit)
            || mantissa.Length - unsigned.Length > 1)
        {
            problem = $"'{Clip(text)}' is not a decimal";
            return false;
        }
        var digits = BigInteger.Parse(whole + fraction, CultureInfo.InvariantCulture);
        var valueScale = fraction.Length - exponent;
        if (valueScale < 0)
        {
            digits *= BigInteger.Pow(10, -valueScale);
            valueScale = 0;
        }
        while (valueScale > scale && !digits.IsZero && digits % 10 == 0)
        {
            digits /= 10;
            valueScale--;
        }
        if (digits.IsZero)
        {
            valueScale = Math.Min(valueScale, scale);
        }
        if (valueScale > scale)
        {
            problem = $"value {Clip(text)} has more than {scale} digits after the point";
            return false;
        }
        digits *= BigInteger.Pow(10, scale - valueScale);
        var all = digits.ToString(CultureInfo.InvariantCulture);
        if (all.Length > precision)
        {
            problem = $"value {Clip(text)} does not fit decimal({precision},{scale})";
            return false;
        }
        all = all.PadLeft(scale + 1, '0');
        canonical = (negative && !digits.IsZero ? "-" : "") + (scale == 0 ? all : all[..^scale] + "." + all[^scale..]);
        return true;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
