using System.Globalization;
using System.Text.RegularExpressions;

namespace Iomete.Functions.Core.Common;

/// <summary>Kubernetes resource quantities (<c>10Gi</c>, <c>500M</c>, <c>1.5Ti</c>, <c>1e9</c>) as byte counts.</summary>
internal static partial class Quantity
{
    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?|\.[0-9]+)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")]
    private static partial Regex Syntax();

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The quantity's value, or null when the text is not a Kubernetes quantity (or too large).</summary>
    public static decimal? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var match = Syntax().Match(text);
        if (!match.Success)
        {
            return null;
        }
        try
        {
            var number = decimal.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var suffix = match.Groups["suffix"].Value;
            if (suffix.Length > 0 && (suffix[0] == 'e' || suffix[0] == 'E'))
            {
                var exponent = int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return exponent is < -18 or > 18 ? null : number * Pow10(exponent);
            }
            return number * Multipliers[suffix];
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Validates a size: a Kubernetes quantity of at least one byte.</summary>
    public static bool CheckSize(string? text, string field, FieldErrors errors, bool required = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return !required || errors.Check(false, field, "is required (a Kubernetes quantity such as 10Gi)");
        }
        var value = TryParse(text);
        return errors.Check(value is not null, field, $"'{text}' is not a Kubernetes quantity (e.g. 512Mi, 10Gi, 1T)") &&
               errors.Check(value >= 1m, field, "must be at least 1 byte");
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }
        return exponent < 0 ? 1m / result : result;
    }
}
