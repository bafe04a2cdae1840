using Iomete.Functions.Identity.Oidc;
using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Storage;

/// <summary>
/// Encrypts the identity service's secrets at rest — OIDC signing keys, the SSO client secret, the LDAP bind
/// credential — under one key file (<c>Iomete:Identity:Oidc:SecretKeyFile</c>, default <c>{DataDir}/keys/identity-secrets.key</c>).
/// </summary>
public sealed class IdentitySecretCipher(IOptions<IometeOptions> platform, IOptions<OidcOptions> options)
    : KeyFileCipher(options.Value.SecretKeyFile ?? Path.Combine(platform.Value.DataDir, "keys", "identity-secrets.key"));
