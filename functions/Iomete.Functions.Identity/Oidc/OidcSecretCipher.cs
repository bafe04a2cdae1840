using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>Encrypts the identity service's OIDC secrets at rest: signing keys and the SSO client secret (<see cref="KeyFileCipher"/>).</summary>
public sealed class OidcSecretCipher(IOptions<IometeOptions> platform, IOptions<OidcOptions> options)
    : KeyFileCipher(options.Value.SecretKeyFile ?? Path.Combine(platform.Value.DataDir, "keys", "identity-secrets.key"));
