using System.Globalization;
using System.Text.RegularExpressions;

namespace Iomete.Functions.Core.SystemConfig;

/// <summary>Checks and normalizes values by key type.</summary>
internal static partial class SystemConfigValues
{
    public const int MaxLength = 4096;

    [GeneratedRegex("^(?<n>[0-9]{1,9})(?<unit>ms|s|m|h|d)$")]
    private static partial Regex DurationSyntax();

    /// <summary>The value in its stored form, or an error message.</summary>
    public static (string? Value, string? Error) Normalize(SystemConfigKey key, string raw)
    {
        if (raw.Length > MaxLength)
        {
            return (null, $"must be at most {MaxLength} characters");
        }
        if (raw.Any(char.IsControl))
        {
            return (null, "must not contain control characters");
        }
        var text = raw.Trim();
        switch (key.Type)
        {
            case SystemConfigType.Int:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, "must be an integer");
                }
                if (number < key.Min || number > key.Max)
                {
                    return (null, $"must be from {key.Min} to {key.Max}");
                }
                return (number.ToString(CultureInfo.InvariantCulture), null);
            case SystemConfigType.Bool:
                return bool.TryParse(text, out var flag) ? (flag ? "true" : "false", null) : (null, "must be true or false");
            case SystemConfigType.Duration:
                return ParseDuration(text) is null ? (null, "must be a number with a unit: ms, s, m, h or d (e.g. 30s, 7d)") : (text, null);
            case SystemConfigType.Url:
                return text.Length == 0 || IsUrl(text) ? (text, null) : (null, "must be an absolute http(s) URL or a path starting with '/'");
            default:
                return (raw, null);
        }
    }

    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationSyntax().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var n = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    private static bool IsUrl(string text)
    {
        if (text.StartsWith('/'))
        {
            return !text.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(text, UriKind.Relative);
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) &&
               (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
               !string.IsNullOrEmpty(uri.Host);
    }
}
