using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Ldap;

public sealed class LdapLoginTests
{
    private const string Login = "/api/v1/auth/login";

    [SlapdFact]
    public async Task Login_ByBind_WithGoodPassword_CreatesASession_AndWrongPasswordGetsTheLocal401()
    {
        await using var ldap = await LdapScenario.StartAsync();
        await ldap.SyncAsync();
        using var anonymous = ldap.Platform.Anonymous();

        var session = await anonymous.PostJsonAsync(Login, new { username = "Alice", password = "alice-pass-1" }, HttpStatusCode.OK);
        var wrong = await anonymous.PostJsonAsync(Login, new { username = "alice", password = "not-alice" }, HttpStatusCode.Unauthorized);
        var localWrong = await anonymous.PostJsonAsync(Login, new { username = "admin", password = "not-admin" }, HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync(Login, new { username = "alice", password = "" }, HttpStatusCode.BadRequest);

        Assert.StartsWith("ioms_", session.Str("accessToken"));
        Assert.False(session.GetProperty("passwordChangeRequired").GetBoolean());
        using var alice = ldap.Platform.WithBearer(session.Str("accessToken"));
        Assert.Equal("alice", (await alice.GetJsonAsync("/api/v1/user")).Str("username"));
        Assert.Equal(localWrong.Str("detail"), wrong.Str("detail"));
    }

    [SlapdFact]
    public async Task Login_ByBind_FailuresCountInTheThrottle()
    {
        await using var ldap = await LdapScenario.StartAsync();
        using var anonymous = ldap.Platform.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostJsonAsync(Login, new { username = "bob", password = "wrong-" + i }, HttpStatusCode.Unauthorized);
        }

        await anonymous.PostJsonAsync(Login, new { username = "bob", password = "bob-pass-1" }, HttpStatusCode.TooManyRequests);
    }

    [SlapdFact]
    public async Task Login_OfADirectoryUserUnknownHere_CreatesTheUserOnFirstLogin()
    {
        await using var ldap = await LdapScenario.StartAsync();
        Assert.Null(await ldap.FindUserAsync("carol"));
        using var anonymous = ldap.Platform.Anonymous();

        await anonymous.PostJsonAsync(Login, new { username = "carol", password = "carol-pass-1" }, HttpStatusCode.OK);

        var carol = await ldap.FindUserAsync("carol");
        Assert.NotNull(carol);
        Assert.Equal("LDAP", carol.Value.Str("origin"));
        Assert.Equal("SERVICE_ACCOUNT", carol.Value.Str("type"));
        await anonymous.PostJsonAsync(Login, new { username = "carol", password = "carol-pass-1" }, HttpStatusCode.OK);
    }

    [SlapdFact]
    public async Task Login_OfALocalUser_NeverUsesLdap_AndAnLdapUserNeverUsesALocalPassword()
    {
        await using var ldap = await LdapScenario.StartAsync();
        await ldap.Admin.CreateUserAsync("local");
        await ldap.SyncAsync();
        using var anonymous = ldap.Platform.Anonymous();

        await anonymous.PostJsonAsync(Login, new { username = "local", password = "ldap-pass-of-local" }, HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync(Login, new { username = "local", password = Identities.Password }, HttpStatusCode.OK);

        // With LDAP disabled, LDAP users cannot log in at all (they have no local password).
        await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap", LdapConfigTests.Merge(ldap.Config(enabled: false), new { version = 1 }), HttpStatusCode.OK);
        await anonymous.PostJsonAsync(Login, new { username = "alice", password = "alice-pass-1" }, HttpStatusCode.Unauthorized);
    }

    [SlapdFact]
    public async Task Login_WithAnLdapFilterInTheUsername_IsRefused()
    {
        await using var ldap = await LdapScenario.StartAsync();
        using var anonymous = ldap.Platform.Anonymous();

        foreach (var username in new[] { "*)(uid=*", "*", "alice)(|(uid=*", "al*", "alice\u0000" })
        {
            var refused = await anonymous.PostJsonAsync(Login, new { username, password = "alice-pass-1" }, HttpStatusCode.Unauthorized);
            Assert.Equal("UNAUTHORIZED", refused.Str("errorCode"));
        }
        var users = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/users?limit=100");
        Assert.DoesNotContain(users.GetProperty("items").EnumerateArray(), u => u.Str("origin") == "LDAP");
    }
}
