using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity;

/// <summary>Settings of the identity service, section <c>Iomete:Identity</c>.</summary>
public sealed class IdentityOptions : IValidatableObject
{
    public const string Section = "Iomete:Identity";

    /// <summary>
    /// Password of the <c>admin</c> user when it is first created (env <c>IOMETE_ADMIN_PASSWORD</c>
    /// wins). When neither is set, a strong one is generated and written to <c>{DataDir}/admin-password</c>.
    /// Never applied to an admin that exists already.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// How long a resolved caller (token, user, groups, admin roles) is reused without asking the
    /// database again (default 1 s; 0 turns the cache off). Any mutating request outside the Iceberg
    /// catalog routes clears it, so identity changes apply to the next request of this replica; other
    /// replicas see them within this time.
    /// </summary>
    public TimeSpan CallerCacheLifetime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lifetime of a login session's access token (default 1 hour).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of a login session's refresh token (default 7 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Longest lifetime of a personal or service-account access token (default 365 days).</summary>
    public TimeSpan MaxAccessTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Failed logins per username before logins for that username answer 429.</summary>
    [Range(1, 1000)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>
    /// Failed logins from one client IP (any usernames) before logins from it answer 429. Raise it
    /// when many users share an address (NAT, a proxy without forwarded headers).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFailedLoginsPerIp { get; set; } = 5;

    /// <summary>The sliding window in which failed logins count (default 5 minutes).</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>PBKDF2-HMAC-SHA256 iterations for new password hashes (OWASP 2023: 600,000).</summary>
    [Range(600_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 600_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminPassword is { } password && password.Length < Auth.PasswordPolicy.MinLength)
        {
            yield return new ValidationResult($"must have at least {Auth.PasswordPolicy.MinLength} characters", [nameof(AdminPassword)]);
        }
        foreach (var (name, value) in new[]
                 {
                     (nameof(AccessTokenLifetime), AccessTokenLifetime), (nameof(RefreshTokenLifetime), RefreshTokenLifetime),
                     (nameof(MaxAccessTokenLifetime), MaxAccessTokenLifetime), (nameof(FailedLoginWindow), FailedLoginWindow),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult("must be positive", [name]);
            }
        }
    }
}
