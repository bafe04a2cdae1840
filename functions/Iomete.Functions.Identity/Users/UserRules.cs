namespace Iomete.Functions.Identity.Users;

internal static class UserRules
{
    public const string UsernamePattern = "^[A-Za-z0-9_.-]{1,128}$";
    public const string UsernameMessage = "must be 1 to 128 letters, digits, '_', '.' or '-'";

    /// <summary>Empty text means "no value"; emails compare case-insensitively.</summary>
    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
