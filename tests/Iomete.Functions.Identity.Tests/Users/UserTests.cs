using System.Net;
using System.Net.Http.Json;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Users;

public abstract class UserTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private const string Users = "/api/v1/admin/identity/users";
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task CreateUser_WithoutPassword_ReturnsTemporaryPasswordThatMustBeChanged()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("Temp.User");
        var created = await admin.PostJsonAsync(Users, new { username = name, email = $"{name}@Example.com", firstName = "Tess" }, HttpStatusCode.Created);

        Assert.Equal(name.ToLowerInvariant(), created.Str("username"));
        Assert.Equal($"{name}@example.com".ToLowerInvariant(), created.Str("email"));
        Assert.Equal("IOMETE", created.Str("origin"));
        Assert.Equal("admin", created.Str("createdBy"));
        var temporary = created.Str("temporaryPassword");
        using var anonymous = Platform.Anonymous();
        var login = await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = temporary }, HttpStatusCode.OK);
        Assert.True(login.GetProperty("passwordChangeRequired").GetBoolean());

        using var user = Platform.WithBearer(login.Str("accessToken"));
        using (var change = await user.PutAsJsonAsync("/api/v1/user/password", new { currentPassword = temporary, newPassword = "Brand-New-Pass" }))
        {
            await change.JsonAsync(HttpStatusCode.NoContent);
        }
        var again = await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = "Brand-New-Pass" }, HttpStatusCode.OK);
        Assert.False(again.GetProperty("passwordChangeRequired").GetBoolean());
        await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = temporary }, HttpStatusCode.Unauthorized);
        // The user's view is not repeated with the password.
        var fetched = await admin.GetJsonAsync($"{Users}/{created.Str("id")}");
        Assert.False(fetched.TryGetProperty("temporaryPassword", out _));
    }

    [ServiceFact]
    public async Task CreateUser_WithBadUsername_Returns400()
    {
        using var admin = await Platform.LoginAsync();
        foreach (var username in new[] { "bad name", "slash/name", "", "ümlaut" })
        {
            var problem = await admin.PostJsonAsync(Users, new { username }, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("username", out _), problem.ToString());
        }
    }

    [ServiceFact]
    public async Task CreateUser_WithTooLongUsernameOrShortPassword_Returns400()
    {
        using var admin = await Platform.LoginAsync();
        await admin.PostJsonAsync(Users, new { username = new string('a', 129) }, HttpStatusCode.BadRequest);
        var problem = await admin.PostJsonAsync(Users, new { username = Identities.Unique("short"), password = "1234567" }, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        await admin.PostJsonAsync(Users, new { username = Identities.Unique("mail"), email = "not-an-email" }, HttpStatusCode.BadRequest);
        await admin.PostJsonAsync(Users, new { username = Identities.Unique("kind"), type = "ROBOT" }, HttpStatusCode.BadRequest);
    }

    [ServiceFact]
    public async Task CreateUser_WithTakenUsernameOrEmail_Returns409()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("dup");
        await admin.PostJsonAsync(Users, new { username = name, email = $"{name}@example.com", password = Identities.Password }, HttpStatusCode.Created);

        await admin.PostJsonAsync(Users, new { username = name.ToUpperInvariant() }, HttpStatusCode.Conflict);
        await admin.PostJsonAsync(Users, new { username = name + "x", email = $"{name}@EXAMPLE.com" }, HttpStatusCode.Conflict);
    }

    [ServiceFact]
    public async Task UnknownUser_Returns404_ForGetUpdateDeleteAndReset()
    {
        using var admin = await Platform.LoginAsync();
        await admin.GetJsonAsync($"{Users}/no-such-user", HttpStatusCode.NotFound);
        await admin.PutJsonAsync($"{Users}/no-such-user", new { firstName = "x" }, HttpStatusCode.NotFound);
        await admin.DeleteAsync($"{Users}/no-such-user", HttpStatusCode.NotFound);
        await admin.PostJsonAsync($"{Users}/no-such-user/reset-password", new { }, HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task UpdateUser_ChangesNamesAndType_AndDisablingEndsAccess()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("upd");
        var id = await admin.CreateUserAsync(name);
        using var user = await Platform.LoginAsync(name, Identities.Password);

        var updated = await admin.PutJsonAsync($"{Users}/{id}", new { firstName = "Ada", lastName = "Lovelace", type = "SERVICE_ACCOUNT" }, HttpStatusCode.OK);
        Assert.Equal("Ada", updated.Str("firstName"));
        Assert.Equal("SERVICE_ACCOUNT", updated.Str("type"));
        await user.GetJsonAsync("/api/v1/user");

        await admin.PutJsonAsync($"{Users}/{id}", new { status = "DISABLED" }, HttpStatusCode.OK);
        await user.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        using var anonymous = Platform.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = Identities.Password }, HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task DeleteUser_EndsSessions_AndTheAdminCannotBeDeleted()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("gone");
        var id = await admin.CreateUserAsync(name);
        var group = await admin.CreateGroupAsync(Identities.Unique("g"));
        await admin.AddMemberAsync(group, id);
        using var user = await Platform.LoginAsync(name, Identities.Password);

        await admin.DeleteAsync($"{Users}/{id}", HttpStatusCode.NoContent);

        await user.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        await admin.GetJsonAsync($"{Users}/{id}", HttpStatusCode.NotFound);
        var members = await admin.GetJsonAsync($"/api/v1/admin/identity/groups/{group}/members");
        Assert.Equal(0, members.GetProperty("total").GetInt32());

        var me = await admin.GetJsonAsync("/api/v1/user");
        var problem = await admin.DeleteAsyncJson($"{Users}/{me.Str("id")}", HttpStatusCode.Conflict);
        Assert.Equal("CONFLICT", problem.Str("errorCode"));
    }

    [ServiceFact]
    public async Task ResetPassword_GivesANewTemporaryPassword_AndEndsOldSessions()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("reset");
        var id = await admin.CreateUserAsync(name);
        using var user = await Platform.LoginAsync(name, Identities.Password);

        var reset = await admin.PostJsonAsync($"{Users}/{id}/reset-password", new { }, HttpStatusCode.OK);

        await user.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        using var anonymous = Platform.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = Identities.Password }, HttpStatusCode.Unauthorized);
        var login = await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = name, password = reset.Str("temporaryPassword") }, HttpStatusCode.OK);
        Assert.True(login.GetProperty("passwordChangeRequired").GetBoolean());
    }

    [ServiceFact]
    public async Task ListUsers_IsPagedSortedAndSearchable()
    {
        using var admin = await Platform.LoginAsync();
        var tag = Identities.Unique("zlist");
        foreach (var suffix in new[] { "b", "a", "c" })
        {
            await admin.PostJsonAsync(Users, new { username = $"{tag}-{suffix}", type = "SERVICE_ACCOUNT" }, HttpStatusCode.Created);
        }

        var page = await admin.GetJsonAsync($"{Users}?search={tag}&sort=-username&limit=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var names = page.GetProperty("items").EnumerateArray().Select(u => u.Str("username")).ToList();
        Assert.Equal([$"{tag}-c", $"{tag}-b"], names);
        var rest = await admin.GetJsonAsync($"{Users}?search={tag}&sort=-username&limit=2&offset=2");
        Assert.Equal($"{tag}-a", Assert.Single(rest.GetProperty("items").EnumerateArray()).Str("username"));
        var people = await admin.GetJsonAsync($"{Users}?search={tag}&type=PERSON");
        Assert.Equal(0, people.GetProperty("total").GetInt32());
        await admin.GetJsonAsync($"{Users}?sort=password", HttpStatusCode.BadRequest);
    }

    [ServiceFact]
    public async Task PlainUser_CannotListOrCreateUsers()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("plain");
        await admin.CreateUserAsync(name);
        using var user = await Platform.LoginAsync(name, Identities.Password);

        await user.GetJsonAsync(Users, HttpStatusCode.Forbidden);
        await user.PostJsonAsync(Users, new { username = Identities.Unique("x") }, HttpStatusCode.Forbidden);
    }
}

public sealed class UserTestsOnSqlite(SqlitePlatform fixture) : UserTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class UserTestsOnPostgres(PostgresPlatform fixture) : UserTests<PostgresPlatform>(fixture);
