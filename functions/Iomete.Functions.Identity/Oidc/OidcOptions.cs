using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The platform as an OpenID Provider, section <c>Iomete:Identity:Oidc</c>.</summary>
public sealed class OidcOptions : IValidatableObject
{
    public const string Section = "Iomete:Identity:Oidc";

    /// <summary>
    /// The issuer (<c>iss</c>) of ID tokens and of the discovery document, e.g. <c>https://iomete.example.com</c>.
    /// Unset: the scheme and host of each request, which is right only when every client reaches the platform by one name.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Days after which a new signing key replaces the active one (default 30).</summary>
    [Range(1, 3650)]
    public int KeyRotationDays { get; set; } = 30;

    /// <summary>Lifetime of an ID token (default and maximum 1 hour).</summary>
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clock skew a relying party may allow; a retired key stays published for the ID token lifetime plus this.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Key file that encrypts signing keys and the SSO client secret (default <c>{DataDir}/keys/identity-secrets.key</c>).</summary>
    public string? SecretKeyFile { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdTokenLifetime <= TimeSpan.Zero || IdTokenLifetime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be positive and at most 1 hour", [nameof(IdTokenLifetime)]);
        }
        if (ClockSkew < TimeSpan.Zero)
        {
            yield return new ValidationResult("must not be negative", [nameof(ClockSkew)]);
        }
        if (Issuer is { Length: > 0 } issuer && (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return new ValidationResult("must be an absolute URL without query or fragment", [nameof(Issuer)]);
        }
    }
}
