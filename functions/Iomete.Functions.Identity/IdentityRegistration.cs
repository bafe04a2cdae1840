using Iomete.Functions.Identity.Access;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Bootstrap;
using Iomete.Functions.Identity.DataAccess;
using Iomete.Functions.Identity.DataSecurity;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Ldap;
using Iomete.Functions.Identity.Oidc;
using Iomete.Functions.Identity.Roles;
using Iomete.Functions.Identity.Scim;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Tokens;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity;

public static class IdentityRegistration
{
    public const string Service = "identity";

    /// <summary>The Identity service: users, groups, roles, login, tokens, domains, bundles.</summary>
    public static IServiceCollection AddIdentityService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(IdentityRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(IdentityRegistration).Assembly);

        // Users, groups, admin roles, login sessions, access tokens, the caller of each request.
        services.AddValidatedOptions<IdentityOptions>(IdentityOptions.Section);
        services.TryAddSingleton<IdentityDb>();
        services.TryAddSingleton<IdentitySecretCipher>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<GroupStore>();
        services.TryAddSingleton<RoleStore>();
        services.TryAddSingleton<SessionStore>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<AccessTokenStore>();
        services.TryAddSingleton<AccessTokenOperations>();
        services.TryAddSingleton<TokenRateLimiter>();
        services.TryAddSingleton<CallerCache>();
        services.TryAddSingleton<ICallerAccessor, CallerAccessor>();
        services.TryAddSingleton<AdminBootstrap>();
        services.AddHostedService<BootstrapService>();
        services.AddOidcAndSso();

        // Domains, resource bundles, IAccessControl and IAssetRegistry (after the admin bootstrap).
        services.AddDomainsAndBundles();
        services.AddDataSecurityStore();
        services.AddDataAccessDecisions();
        services.AddLdap().AddScim();
        return services;
    }
}
