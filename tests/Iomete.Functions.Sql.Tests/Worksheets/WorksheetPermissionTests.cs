using System.Net;

namespace Iomete.Functions.Sql.Tests.Worksheets;

public sealed class WorksheetPermissionTests(SqlPlatformFixture fixture) : IClassFixture<SqlPlatformFixture>
{
    private const string Root = "/api/v1/domains/default/sql";

    [Fact]
    public async Task APrivateWorksheet_Is404ForAnotherUser_WhileSharedOnesAreReadable()
    {
        var (_, alice) = await fixture.UserAsync("alice", "LIST_SHARED_WORKSHEET");
        var (_, bob) = await fixture.UserAsync("bob", "LIST_SHARED_WORKSHEET");
        var mine = (await alice.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId = "my", name = "private", content = "SELECT 'alice only'" })).Str("id");
        var shared = (await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId = "shared", name = SqlPlatformFixture.Unique("team"), content = "SELECT 'everyone'" })).Str("id");

        await bob.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/worksheets/{mine}");
        await bob.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Put, $"{Root}/worksheets/{mine}", new { content = "x", version = 1 });
        await bob.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Delete, $"{Root}/worksheets/{mine}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/worksheets/{mine}");
        var bobsOwn = await bob.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets?workspaceId=my");
        Assert.DoesNotContain(bobsOwn.GetProperty("items").EnumerateArray(), w => w.Str("id") == mine);
        Assert.Equal("SELECT 'alice only'", (await alice.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{mine}")).Str("content"));

        Assert.Equal("SELECT 'everyone'", (await bob.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{shared}")).Str("content"));
        var sharedList = await bob.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets?workspaceId=shared");
        Assert.Contains(sharedList.GetProperty("items").EnumerateArray(), w => w.Str("id") == shared);
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/worksheets/{shared}", new { content = "DROP TABLE x", version = 1 });
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/worksheets", new { workspaceId = "shared", name = "nope" });
        var bobs = (await bob.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets", new { workspaceId = "my", name = "bob's" })).Str("id");
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/worksheets/{bobs}/move", new { workspaceId = "shared" });
    }

    [Fact]
    public async Task AUserOutsideTheDomain_GetsForbidden()
    {
        var (_, stranger) = await fixture.UserAsync("stranger");
        await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/workspaces");
        await stranger.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/worksheets", new { workspaceId = "my", name = "x" });
    }

    [Fact]
    public async Task CustomWorkspaces_HaveGloballyUniqueNames_AndBundlePermissions()
    {
        var me = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = SqlPlatformFixture.Unique("ws-bundle"), domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
        var name = SqlPlatformFixture.Unique("analytics");

        var workspace = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/workspaces", new { name, bundleId = bundle.Str("id") });
        Assert.Equal("CUSTOM", workspace.Str("kind"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/workspaces", new { name, bundleId = bundle.Str("id") });
        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/workspaces");
        Assert.Equal(["my", "shared"], listed.GetProperty("items").EnumerateArray().Take(2).Select(w => w.Str("id")));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), w => w.Str("id") == workspace.Str("id"));

        var sheet = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId = workspace.Str("id"), name = "in custom", content = "SELECT 1" });
        Assert.Equal($"{name}/in custom", sheet.Str("path"));

        var (bobId, bob) = await fixture.UserAsync("bob", "LIST_SHARED_WORKSHEET");
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/workspaces", new { name = SqlPlatformFixture.Unique("mine"), bundleId = bundle.Str("id") });
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/worksheets/{sheet.Str("id")}");
        var bobsView = await bob.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/workspaces");
        Assert.DoesNotContain(bobsView.GetProperty("items").EnumerateArray(), w => w.Str("id") == workspace.Str("id"));

        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle.Str("id")}/permissions",
            new { actorId = bobId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["WORKSPACE"] = ["VIEW"] } });
        Assert.Equal("SELECT 1", (await bob.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{sheet.Str("id")}")).Str("content"));
        await bob.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/worksheets/{sheet.Str("id")}", new { content = "x", version = 1 });
    }
}
