using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Identity.Ldap;

internal static class LdapRequests
{
    /// <summary>True when the request carries a body (tests may send none).</summary>
    public static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null);

    /// <summary>
    /// The configuration in the body (its credential left out falls back to the stored one), or the stored configuration
    /// (enabled or not); 404 when there is neither.
    /// </summary>
    public static async Task<LdapConnectionSettings> ConfigOrStoredAsync(HttpRequest request, LdapConfigStore configs, CancellationToken ct)
    {
        var stored = await configs.GetAsync(ct);
        if (HasBody(request))
        {
            var body = await RequestBody.ReadAsync<LdapConfigRequest>(request, ct);
            var settings = body.ToSettings();
            RequireCredentialForNewTarget(settings, body.BindCredential, stored);
            var credential = body.BindCredential ?? (stored is null ? null : configs.Decrypt(stored).BindCredential);
            return new LdapConnectionSettings(settings, string.IsNullOrEmpty(credential) ? null : credential);
        }
        return stored is null ? throw new NotFoundException("LDAP configuration", "default") : configs.Decrypt(stored);
    }

    /// <summary>
    /// The stored credential is sent only to the server and bind DN it was entered for: changing either needs it again,
    /// or an admin could point the connection at a server of theirs and read the secret in the simple bind.
    /// </summary>
    public static void RequireCredentialForNewTarget(LdapSettings settings, string? credential, StoredLdapConfig? stored)
    {
        if (credential is null && stored?.EncryptedCredential is not null &&
            (!string.Equals(settings.ConnectionUrl, stored.Settings.ConnectionUrl, StringComparison.OrdinalIgnoreCase) ||
             !string.Equals(settings.BindDn, stored.Settings.BindDn, StringComparison.OrdinalIgnoreCase)))
        {
            throw ValidationException.ForField("bindCredential", "must be given again when connectionUrl or bindDn changes");
        }
    }
}
