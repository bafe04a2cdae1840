using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Scim;

public abstract class ScimGroupTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    private static async Task<string> CreateUserAsync(HttpClient admin, string prefix)
    {
        var name = Identities.Unique(prefix);
        return (await admin.ScimAsync(HttpMethod.Post, "/Users", ScimClient.NewUser(name, name + "@corp.example"), HttpStatusCode.Created)).Str("id");
    }

    private static string[] MemberIds(JsonElement group) =>
        group.TryGetProperty("members", out var members) ? members.EnumerateArray().Select(m => m.Str("value")).Order().ToArray() : [];

    [ServiceFact]
    public async Task AzureFlow_CreateGroupWithMembers_PatchAddAndRemove_FilterAndDelete()
    {
        using var admin = await Platform.LoginAsync();
        var one = await CreateUserAsync(admin, "g1");
        var two = await CreateUserAsync(admin, "g2");
        var name = Identities.Unique("scim-group");

        var (created, response) = await admin.SendAsync(HttpMethod.Post, "/Groups", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            displayName = name,
            externalId = "grp-ext",
            members = new[] { new { value = one } },
        }, HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal($"{ScimClient.Base}/Groups/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal([one], MemberIds(created));
        Assert.Equal("Group", created.GetProperty("meta").Str("resourceType"));
        Assert.Equal("IDP", (await admin.GetJsonAsync($"/api/v1/admin/identity/groups/{id}")).Str("origin"));

        var added = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}",
            ScimClient.Patch(new { op = "Add", path = "members", value = new[] { new { value = two } } }));
        Assert.Equal(new[] { one, two }.Order(), MemberIds(added));
        Assert.NotEqual(created.GetProperty("meta").Str("version"), added.GetProperty("meta").Str("version"));

        var removed = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}",
            ScimClient.Patch(new { op = "Remove", path = $"members[value eq \"{one}\"]" }));
        Assert.Equal([two], MemberIds(removed));
        var members = await admin.GetJsonAsync($"/api/v1/admin/identity/groups/{id}/members");
        Assert.Equal(1, members.GetProperty("total").GetInt32());

        var found = await admin.ScimGetAsync("/Groups?excludedAttributes=members&filter=" + ScimClient.Filter($"displayName eq \"{name}\""));
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        Assert.False(found.GetProperty("Resources")[0].TryGetProperty("members", out _));
        var byExternal = await admin.ScimGetAsync("/Groups?filter=" + ScimClient.Filter("externalId eq \"grp-ext\""));
        Assert.Equal([two], MemberIds(byExternal.GetProperty("Resources")[0]));

        var withTwo = await admin.ScimGetAsync("/Groups?filter=" + ScimClient.Filter($"id eq \"{id}\" and members eq \"{two}\""));
        var withOne = await admin.ScimGetAsync("/Groups?filter=" + ScimClient.Filter($"id eq \"{id}\" and members.value eq \"{one}\""));
        Assert.Equal(1, withTwo.GetProperty("totalResults").GetInt32());
        Assert.Equal(0, withOne.GetProperty("totalResults").GetInt32());

        var cleared = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}", ScimClient.Patch(new { op = "remove", path = "members" }));
        Assert.Empty(MemberIds(cleared));

        await admin.ScimAsync(HttpMethod.Delete, $"/Groups/{id}", expected: HttpStatusCode.NoContent);
        await admin.ScimGetAsync($"/Groups/{id}", HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task Put_ReplacesMembers_ButNotTheName_AndUnknownMembersAre400()
    {
        using var admin = await Platform.LoginAsync();
        var one = await CreateUserAsync(admin, "p1");
        var two = await CreateUserAsync(admin, "p2");
        var name = Identities.Unique("put-group");
        var id = (await admin.ScimAsync(HttpMethod.Post, "/Groups", new { displayName = name, members = new[] { new { value = one } } }, HttpStatusCode.Created)).Str("id");

        var replaced = await admin.ScimAsync(HttpMethod.Put, $"/Groups/{id}", new { displayName = name, members = new[] { new { value = two } } });
        var renamed = await admin.ScimAsync(HttpMethod.Put, $"/Groups/{id}", new { displayName = name + "-new" }, HttpStatusCode.BadRequest);
        var unknown = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}",
            ScimClient.Patch(new { op = "add", path = "members", value = new[] { new { value = "no-such-id" } } }), HttpStatusCode.BadRequest);
        var duplicate = await admin.ScimAsync(HttpMethod.Post, "/Groups", new { displayName = name }, HttpStatusCode.Conflict);

        Assert.Equal([two], MemberIds(replaced));
        Assert.Equal("mutability", renamed.Str("scimType"));
        Assert.Equal("invalidValue", unknown.Str("scimType"));
        Assert.Equal("uniqueness", duplicate.Str("scimType"));
    }

    [ServiceFact]
    public async Task Patch_WithABadBody_Returns400InSimsErrorSchema()
    {
        using var admin = await Platform.LoginAsync();
        var id = (await admin.ScimAsync(HttpMethod.Post, "/Groups", new { displayName = Identities.Unique("bad-patch") }, HttpStatusCode.Created)).Str("id");

        var noOps = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}", new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" } }, HttpStatusCode.BadRequest);
        var badOp = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}", ScimClient.Patch(new { op = "move", path = "members" }), HttpStatusCode.BadRequest);
        var notJson = await admin.ScimAsync(HttpMethod.Patch, $"/Groups/{id}", "{not json", HttpStatusCode.BadRequest);

        Assert.Equal("invalidSyntax", noOps.Str("scimType"));
        Assert.Equal("invalidSyntax", badOp.Str("scimType"));
        Assert.Equal("invalidSyntax", notJson.Str("scimType"));
    }
}

public sealed class ScimGroupTestsOnSqlite(SqlitePlatform fixture) : ScimGroupTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class ScimGroupTestsOnPostgres(PostgresPlatform fixture) : ScimGroupTests<PostgresPlatform>(fixture);
