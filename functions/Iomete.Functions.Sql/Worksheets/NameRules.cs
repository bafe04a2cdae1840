using Iomete.Platform.Errors;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>IOMETE's rule for worksheet, folder and workspace names: at most 100 characters, none of <c>/ \ : * ? " &lt; &gt; |</c>.</summary>
internal static class NameRules
{
    public const int MaxLength = 100;
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public static string Validate(string? name, string field = "name")
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw ValidationException.ForField(field, "must not be empty");
        }
        if (trimmed.Length > MaxLength)
        {
            throw ValidationException.ForField(field, $"must be at most {MaxLength} characters");
        }
        if (trimmed.IndexOfAny(Forbidden) >= 0 || trimmed.Any(char.IsControl))
        {
            throw ValidationException.ForField(field, "must not contain / \\ : * ? \" < > | or control characters");
        }
        return trimmed;
    }

    /// <summary>The name of a copy: "name (copy)", shortened to fit.</summary>
    public static string CopyOf(string name)
    {
        const string suffix = " (copy)";
        var head = name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)].TrimEnd() : name;
        return head + suffix;
    }
}
