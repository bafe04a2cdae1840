using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>The identity service's stored secrets (the LDAP bind credential) under its own key file (<see cref="KeyFileCipher"/>).</summary>
public sealed class LdapCipher(IOptions<IometeOptions> platform)
    : KeyFileCipher(Path.Combine(platform.Value.DataDir, "keys", "identity-secrets.key"));
