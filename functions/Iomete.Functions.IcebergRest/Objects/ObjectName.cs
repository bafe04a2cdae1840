using Iomete.Functions.IcebergRest.Errors;

namespace Iomete.Functions.IcebergRest.Objects;

/// <summary>Validation of a table or view name (one identifier level).</summary>
public static class ObjectName
{
    public const int MaxLength = 255;

    /// <summary>The name, or 400 when it is empty, too long or holds a control character or '/'.</summary>
    public static string Validate(string? name, string what = "table")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw IcebergErrors.BadRequestError($"Invalid {what} name: it must not be empty.");
        }
        if (name.Length > MaxLength)
        {
            throw IcebergErrors.BadRequestError($"Invalid {what} name: it must not be longer than {MaxLength} characters.");
        }
        if (name.Any(char.IsControl) || name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw IcebergErrors.BadRequestError($"Invalid {what} name '{name}': control characters, '/', '.' and '..' are not allowed.");
        }
        return name;
    }
}
