using System.Security.Cryptography;
using System.Text;

namespace Iomete.Functions.Identity.Auth;

/// <summary>
/// Opaque bearer secrets. The prefix tells which table holds a token, so resolving one costs a
/// single indexed lookup; only the SHA-256 of a secret is ever stored.
/// </summary>
public static class SecretTokens
{
    /// <summary>Personal and service-account access tokens.</summary>
    public const string AccessTokenPrefix = "iom_";

    /// <summary>Access tokens of login sessions.</summary>
    public const string SessionPrefix = "ioms_";

    /// <summary>Refresh tokens of login sessions.</summary>
    public const string RefreshPrefix = "iomr_";

    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
