using Iomete.Console.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Console.Tests.Admin;

/// <summary>
/// A console test context that can sign in as an administrator.
/// </summary>
public abstract class AdminTestContext : ConsoleTestContext
{
    /// <summary>Signs in as an administrator with <paramref name="roles"/> (none: the super admin).</summary>
    protected ConsoleSession SignedInAdmin(params string[] roles)
    {
        var session = Services.GetRequiredService<ConsoleSession>();
        session.SetTokensAsync(new SessionTokens("access-admin", "refresh-admin", false)).GetAwaiter().GetResult();
        session.SetUser(new ConsoleUser("u-admin", "admin", roles.Length == 0, roles, [new DomainAccess("default", "default", true, [])]));
        return session;
    }
}
