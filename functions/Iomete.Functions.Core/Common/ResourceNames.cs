using System.Text.RegularExpressions;

namespace Iomete.Functions.Core.Common;

/// <summary>Names of platform resources that end up in Kubernetes objects.</summary>
internal static partial class ResourceNames
{
    /// <summary>DNS-1123 subdomain characters: lowercase alphanumerics, '-' and '.', alphanumeric at both ends.</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex Subdomain();

    /// <summary>DNS-1123 label: lowercase alphanumerics and '-', alphanumeric at both ends.</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    public static bool CheckSubdomain(string? name, int maxLength, FieldErrors errors, string field = "name") =>
        Check(name, maxLength, Subdomain(), "lowercase letters, digits, '-' and '.'", errors, field);

    public static bool CheckLabel(string? name, int maxLength, FieldErrors errors, string field = "name") =>
        Check(name, maxLength, Label(), "lowercase letters, digits and '-'", errors, field);

    private static bool Check(string? name, int maxLength, Regex pattern, string allowed, FieldErrors errors, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            return errors.Check(false, field, "is required");
        }
        return errors.Check(name.Length <= maxLength, field, $"must be at most {maxLength} characters") &&
               errors.Check(pattern.IsMatch(name), field, $"must contain only {allowed}, and start and end with a letter or digit");
    }
}
