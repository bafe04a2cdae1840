using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in a self-describing form,
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64), so the iteration count
/// can be raised later and old hashes still verify (and get re-hashed on the next login).
/// </summary>
public sealed class PasswordHasher(IOptions<IdentityOptions> options)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Verifying against this keeps an unknown username as slow as a wrong password.
    private readonly Lazy<string> _decoy = new(() => Hash(Guid.NewGuid().ToString(), options.Value.PasswordIterations));

    public int Iterations => options.Value.PasswordIterations;

    public string Hash(string password) => Hash(password, Iterations);

    public bool Verify(string password, string? encoded)
    {
        if (encoded is null || !TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            TryParse(_decoy.Value, out iterations, out salt, out expected);
            Derive(password, salt, iterations);
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    /// <summary>Spends the time of one verification, for callers with no user to check.</summary>
    public void VerifyDecoy(string password) => Verify(password, null);

    public bool NeedsRehash(string encoded) =>
        !TryParse(encoded, out var iterations, out _, out _) || iterations < Iterations;

    private static string Hash(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return salt.Length > 0 && hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
