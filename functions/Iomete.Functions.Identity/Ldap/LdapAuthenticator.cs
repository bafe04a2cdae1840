using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>
/// Login by bind: finds the user's entry with the service bind and a filter on the username attribute (escaped), then
/// binds as that entry with the given password. Local (IOMETE) users never reach the directory, and LDAP users never
/// have a local password.
/// </summary>
public sealed partial class LdapAuthenticator(LdapConfigStore configs, UserStore users, TimeProvider clock, IIdGenerator ids, ILogger<LdapAuthenticator> logger)
{
    /// <summary>The enabled configuration when the directory decides this login (an LDAP user, or a username unknown here), else null.</summary>
    public async Task<LdapConnectionSettings?> DecidesAsync(User? user, CancellationToken ct) =>
        user is null || user.Origin == LdapSettings.Origin ? await configs.GetEnabledAsync(ct) : null;

    /// <summary>
    /// The user when the bind succeeds (created on the first login of a directory user unknown here), null when the
    /// username is not in the directory or the password is wrong. 503 when the directory cannot be asked.
    /// </summary>
    public async Task<User?> AuthenticateAsync(LdapConnectionSettings config, User? user, string username, string password, CancellationToken ct)
    {
        var found = await FindAndBindAsync(config, username, password, ct);
        if (found is null)
        {
            return null;
        }
        if (user is not null)
        {
            return user;
        }
        var created = LdapUsers.NewUser(found, ids.NewId(), clock.GetUtcNow());
        try
        {
            await users.InsertAsync(created, ct);
            return created;
        }
        catch (ConflictException)
        {
            // A concurrent first login created it, or a local user holds the email: only an LDAP user may log in this way.
            return await users.FindByUsernameAsync(found.Username, ct) is { Origin: LdapSettings.Origin } existing ? existing : null;
        }
    }

    /// <summary>The directory entry of <paramref name="username"/> when <paramref name="password"/> binds as it.</summary>
    public async Task<LdapUser?> FindAndBindAsync(LdapConnectionSettings config, string username, string password, CancellationToken ct)
    {
        var settings = config.Settings;
        if (password.Length == 0 || username.Length == 0)
        {
            return null;
        }
        try
        {
            return await LdapDirectory.RunAsync(() =>
            {
                List<LdapEntry> matches;
                using (var directory = LdapDirectory.Open(config))
                {
                    var filter = LdapFilter.Build(settings.UserObjectClasses, settings.UserFilters, settings.AttributeMapping.Username, username);
                    matches = directory.Search(settings.UsersDn, filter, LdapUserMapper.Attributes(settings), pageSize: 2).Take(2).ToList();
                }
                // Zero or several entries: no login (several would make the password pick the account).
                if (matches.Count != 1 || LdapUserMapper.Map(matches[0], settings) is not { } mapped || mapped.Username != username)
                {
                    return null;
                }
                return LdapDirectory.CanBind(settings.ConnectionUrl, matches[0].Dn, password) ? mapped : null;
            }, ct);
        }
        catch (LdapUnavailableException ex)
        {
            LogUnavailable(logger, ex);
            throw new ApiException(503, "LDAP_UNAVAILABLE", "Service unavailable", "The login directory (LDAP) cannot be reached; try again later.");
        }
    }

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "LDAP login could not reach the directory")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
