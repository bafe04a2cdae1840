using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Scim;

public abstract class ScimUserTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task OktaFlow_CreateFindDeactivateReactivateAndDelete()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("okta");
        var (created, response) = await admin.SendAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(name, name + "@corp.example"), HttpStatusCode.Created);

        var id = created.Str("id");
        Assert.Equal($"{ScimClient.Base}/Users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(name, created.Str("userName"));
        Assert.Equal(name + "@corp.example", created.GetProperty("emails")[0].Str("value"));
        Assert.Equal("User", created.GetProperty("meta").Str("resourceType"));
        Assert.Equal("W/\"1\"", created.GetProperty("meta").Str("version"));
        Assert.True(created.GetProperty("active").GetBoolean());
        var stored = await admin.GetJsonAsync($"/api/v1/admin/identity/users/{id}");
        Assert.Equal("IDP", stored.Str("origin"));

        var found = await admin.ScimGetAsync("/Users?filter=" + ScimClient.Filter($"userName eq \"{name.ToUpperInvariant()}\""));
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        Assert.Equal(id, found.GetProperty("Resources")[0].Str("id"));
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", found.GetProperty("schemas")[0].GetString());

        var disabled = await admin.ScimAsync(HttpMethod.Patch, $"/Users/{id}",
            ScimClient.Patch(new { op = "Replace", path = "active", value = "False" }));
        Assert.False(disabled.GetProperty("active").GetBoolean());
        Assert.Equal("DISABLED", (await admin.GetJsonAsync($"/api/v1/admin/identity/users/{id}")).Str("status"));
        Assert.Equal(1, (await admin.ScimGetAsync("/Users?filter=" + ScimClient.Filter($"userName eq \"{name}\" and active eq false"))).GetProperty("totalResults").GetInt32());

        var enabled = await admin.ScimAsync(HttpMethod.Patch, $"/Users/{id}",
            ScimClient.Patch(new { op = "replace", value = new Dictionary<string, object> { ["active"] = true, ["name.givenName"] = "Renamed" } }));
        Assert.True(enabled.GetProperty("active").GetBoolean());
        Assert.Equal("Renamed", enabled.GetProperty("name").Str("givenName"));

        var emailed = await admin.ScimAsync(HttpMethod.Patch, $"/Users/{id}",
            ScimClient.Patch(new { op = "replace", path = "emails[type eq \"work\"].value", value = name + "@new.example" }));
        Assert.Equal(name + "@new.example", emailed.GetProperty("emails")[0].Str("value"));

        await admin.ScimAsync(HttpMethod.Delete, $"/Users/{id}", expected: HttpStatusCode.NoContent);
        var gone = await admin.ScimGetAsync($"/Users/{id}", HttpStatusCode.NotFound);
        Assert.Equal("404", gone.Str("status"));
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", gone.GetProperty("schemas")[0].GetString());
    }

    [ServiceFact]
    public async Task Create_WithATakenUserName_Returns409Uniqueness()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("dup");
        await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(name, name + "@corp.example"), HttpStatusCode.Created);

        var conflict = await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(name, name + "-2@corp.example"), HttpStatusCode.Conflict);

        Assert.Equal("uniqueness", conflict.Str("scimType"));
        Assert.Equal("409", conflict.Str("status"));
    }

    [ServiceFact]
    public async Task Put_ReplacesAttributes_AcceptsApplicationJson_AndKeepsTheUserNameImmutable()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("put");
        var id = (await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(name, name + "@corp.example"), HttpStatusCode.Created)).Str("id");

        var (replaced, response) = await admin.SendAsync(HttpMethod.Put, $"/Users/{id}",
            new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = name, externalId = "ext-9", active = false },
            HttpStatusCode.OK, mediaType: "application/json");
        var renamed = await admin.ScimAsync(HttpMethod.Put, $"/Users/{id}", new { userName = name + "x" }, HttpStatusCode.BadRequest);

        Assert.False(replaced.GetProperty("active").GetBoolean());
        Assert.Equal("ext-9", replaced.Str("externalId"));
        Assert.False(replaced.TryGetProperty("emails", out _));
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal("mutability", renamed.Str("scimType"));
        var byExternal = await admin.ScimGetAsync("/Users?filter=" + ScimClient.Filter("externalId eq \"ext-9\""));
        Assert.Equal(id, byExternal.GetProperty("Resources")[0].Str("id"));
    }

    [ServiceFact]
    public async Task List_PagesWithStartIndexAndCount()
    {
        using var admin = await Platform.LoginAsync();
        var prefix = Identities.Unique("page") + "-";
        for (var i = 0; i < 5; i++)
        {
            await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(prefix + i, $"{prefix}{i}@corp.example"), HttpStatusCode.Created);
        }
        var filter = "/Users?filter=" + ScimClient.Filter($"userName sw \"{prefix}\"");

        var first = await admin.ScimGetAsync(filter + "&startIndex=1&count=2");
        var last = await admin.ScimGetAsync(filter + "&startIndex=5&count=2");
        var zero = await admin.ScimGetAsync(filter + "&startIndex=0&count=2");
        var countOnly = await admin.ScimGetAsync(filter + "&count=0");

        Assert.Equal(5, first.GetProperty("totalResults").GetInt32());
        Assert.Equal(2, first.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(prefix + "0", first.GetProperty("Resources")[0].Str("userName"));
        Assert.Equal(1, last.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(prefix + "4", last.GetProperty("Resources")[0].Str("userName"));
        Assert.Equal(1, zero.GetProperty("startIndex").GetInt32());
        Assert.Equal(prefix + "0", zero.GetProperty("Resources")[0].Str("userName"));
        Assert.Equal(0, countOnly.GetProperty("Resources").GetArrayLength());
        Assert.Equal(5, countOnly.GetProperty("totalResults").GetInt32());
    }

    [ServiceFact]
    public async Task List_FiltersWithOperatorsLogicAndParentheses()
    {
        using var admin = await Platform.LoginAsync();
        var prefix = Identities.Unique("flt") + "-";
        await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(prefix + "ann", prefix + "ann@a.example"), HttpStatusCode.Created);
        await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(prefix + "ben", prefix + "ben@b.example", active: false), HttpStatusCode.Created);
        await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(prefix + "cid", prefix + "cid@b.example"), HttpStatusCode.Created);

        async Task<string[]> NamesAsync(string filter)
        {
            var list = await admin.ScimGetAsync("/Users?count=100&filter=" + ScimClient.Filter($"userName sw \"{prefix}\" and ({filter})"));
            return list.GetProperty("Resources").EnumerateArray().Select(u => u.Str("userName")[prefix.Length..]).Order().ToArray();
        }

        Assert.Equal(["ben", "cid"], await NamesAsync("emails.value ew \"@b.example\""));
        Assert.Equal(["ann", "cid"], await NamesAsync("active eq true"));
        Assert.Equal(["ann"], await NamesAsync("not (emails ew \"@b.example\")"));
        Assert.Equal(["ann", "ben"], await NamesAsync("userName co \"ann\" or (active eq false and name.familyName eq \"family\")"));
        Assert.Equal(["ann", "ben", "cid"], await NamesAsync("externalId pr and meta.lastModified gt \"2000-01-01T00:00:00Z\""));
        Assert.Equal(["cid"], await NamesAsync("userName gt \"" + prefix + "ben\""));
        Assert.Equal(["ann", "ben", "cid"], await NamesAsync("displayName eq \"Given Family\""));
        Assert.Equal(["ann", "cid"], await NamesAsync("emails[value ne \"" + prefix + "ben@b.example\"]"));
    }

    [ServiceFact]
    public async Task List_WithABadFilter_Returns400InvalidFilter()
    {
        using var admin = await Platform.LoginAsync();

        foreach (var filter in new[] { "userName eq", "userName equals \"x\"", "password eq \"x\"", "(userName eq \"x\"", "userName eq x", "active eq \"yes\"" })
        {
            var error = await admin.ScimGetAsync("/Users?filter=" + ScimClient.Filter(filter), HttpStatusCode.BadRequest);

            Assert.Equal("invalidFilter", error.Str("scimType"));
            Assert.Equal("400", error.Str("status"));
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        }
    }

    [ServiceFact]
    public async Task ScimRoutes_Need_A_Token_WithIamManager()
    {
        using var anonymous = Platform.Anonymous();
        using var admin = await Platform.LoginAsync();
        var plainName = Identities.Unique("noscim");
        await admin.CreateUserAsync(plainName);
        var managerName = Identities.Unique("scimmgr");
        var managerId = await admin.CreateUserAsync(managerName, type: "SERVICE_ACCOUNT");
        await admin.PutJsonAsync($"/api/v1/admin/identity/users/{managerId}/roles", new { roles = new[] { "IAM_MANAGER" } }, HttpStatusCode.OK);
        var token = await admin.PostJsonAsync($"/api/v1/auth/service-accounts/{managerId}/tokens", new { name = "scim" }, HttpStatusCode.Created);
        using var plain = await Platform.LoginAsync(plainName, Identities.Password);
        using var manager = Platform.WithApiToken(token.Str("token"));

        foreach (var path in new[] { "/ServiceProviderConfig", "/ResourceTypes", "/Schemas", "/Users", "/Groups" })
        {
            var unauthorized = await anonymous.ScimGetAsync(path, HttpStatusCode.Unauthorized);
            Assert.Equal("401", unauthorized.Str("status"));
            var forbidden = await plain.ScimGetAsync(path, HttpStatusCode.Forbidden);
            Assert.Equal("403", forbidden.Str("status"));
            await manager.ScimGetAsync(path);
        }
        var config = await manager.ScimGetAsync("/ServiceProviderConfig");
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(config.GetProperty("filter").GetProperty("supported").GetBoolean());
    }
}

public sealed class ScimUserTestsOnSqlite(SqlitePlatform fixture) : ScimUserTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class ScimUserTestsOnPostgres(PostgresPlatform fixture) : ScimUserTests<PostgresPlatform>(fixture);
