using System.Security.Cryptography;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Auth;

/// <summary>What a password must be, and how generated (temporary) passwords are made.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 256;

    public static void Require(string field, string password)
    {
        if (password.Length < MinLength)
        {
            throw ValidationException.ForField(field, $"must have at least {MinLength} characters");
        }
        if (password.Length > MaxLength)
        {
            throw ValidationException.ForField(field, $"must have at most {MaxLength} characters");
        }
    }

    /// <summary>A random password of 24 URL-safe characters (144 bits).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
