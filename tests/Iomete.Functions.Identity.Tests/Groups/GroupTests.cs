using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Groups;

public abstract class GroupTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private const string Groups = "/api/v1/admin/identity/groups";
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task Group_CanBeCreatedReadDescribedAndDeleted_ButNotRenamed()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("Data Engineers");
        var created = await admin.PostJsonAsync(Groups, new { name, description = "people who build pipelines" }, HttpStatusCode.Created);
        var id = created.Str("id");
        Assert.Equal("IOMETE", created.Str("origin"));

        var updated = await admin.PutJsonAsync($"{Groups}/{id}", new { name = "renamed", description = "new words" }, HttpStatusCode.OK);
        Assert.Equal(name, updated.Str("name"));
        Assert.Equal("new words", (await admin.GetJsonAsync($"{Groups}/{id}")).Str("description"));

        var listed = await admin.GetJsonAsync($"{Groups}?search={Uri.EscapeDataString(name)}");
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).Str("id"));

        await admin.DeleteAsync($"{Groups}/{id}", HttpStatusCode.NoContent);
        await admin.GetJsonAsync($"{Groups}/{id}", HttpStatusCode.NotFound);
        await admin.DeleteAsync($"{Groups}/{id}", HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task UserGroups_ListsTheGroupsAUserIsADirectMemberOf()
    {
        using var admin = await Platform.LoginAsync();
        var group = await admin.CreateGroupAsync(Identities.Unique("of-user"));
        await admin.CreateGroupAsync(Identities.Unique("not-of-user"));
        var user = await admin.CreateUserAsync(Identities.Unique("grouped"));
        await admin.AddMemberAsync(group, user);

        var groups = await admin.GetJsonAsync($"/api/v1/admin/identity/users/{user}/groups");
        Assert.Equal(group, Assert.Single(groups.GetProperty("items").EnumerateArray()).Str("id"));
        await admin.GetJsonAsync("/api/v1/admin/identity/users/no-such-user/groups", HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task CreateGroup_WithTakenOrBadName_IsRejected()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("dup");
        await admin.CreateGroupAsync(name);

        await admin.PostJsonAsync(Groups, new { name }, HttpStatusCode.Conflict);
        await admin.PostJsonAsync(Groups, new { name = "   " }, HttpStatusCode.BadRequest);
        await admin.PostJsonAsync(Groups, new { name = new string('g', 256) }, HttpStatusCode.BadRequest);
    }

    [ServiceFact]
    public async Task Members_CanBeAddedListedAndRemoved()
    {
        using var admin = await Platform.LoginAsync();
        var group = await admin.CreateGroupAsync(Identities.Unique("members"));
        var user = await admin.CreateUserAsync(Identities.Unique("member"));

        await admin.AddMemberAsync(group, user);
        await admin.AddMemberAsync(group, user);
        var members = await admin.GetJsonAsync($"{Groups}/{group}/members");
        Assert.Equal(user, Assert.Single(members.GetProperty("items").EnumerateArray()).Str("id"));

        await admin.PostJsonAsync($"{Groups}/{group}/members", new { userId = "no-such-user" }, HttpStatusCode.NotFound);
        await admin.DeleteAsync($"{Groups}/{group}/members/{user}", HttpStatusCode.NoContent);
        await admin.DeleteAsync($"{Groups}/{group}/members/{user}", HttpStatusCode.NotFound);
        Assert.Equal(0, (await admin.GetJsonAsync($"{Groups}/{group}/members")).GetProperty("total").GetInt32());
    }

    [ServiceFact]
    public async Task Subgroups_MakeMembersPartOfEveryAncestor()
    {
        using var admin = await Platform.LoginAsync();
        var top = await admin.CreateGroupAsync(Identities.Unique("top"));
        var middle = await admin.CreateGroupAsync(Identities.Unique("middle"));
        var bottom = await admin.CreateGroupAsync(Identities.Unique("bottom"));
        await admin.AddSubgroupAsync(top, middle);
        await admin.AddSubgroupAsync(middle, bottom);
        var name = Identities.Unique("nested");
        var user = await admin.CreateUserAsync(name);
        await admin.AddMemberAsync(bottom, user);

        using var client = await Platform.LoginAsync(name, Identities.Password);
        var me = await client.GetJsonAsync("/api/v1/user");
        var groups = me.GetProperty("groups").EnumerateArray().Select(g => g.Str("id")).ToHashSet();
        Assert.Equal(new HashSet<string> { top, middle, bottom }, groups);

        var subgroups = await admin.GetJsonAsync($"{Groups}/{top}/subgroups");
        Assert.Equal(middle, Assert.Single(subgroups.GetProperty("items").EnumerateArray()).Str("id"));
        await admin.DeleteAsync($"{Groups}/{top}/subgroups/{middle}", HttpStatusCode.NoContent);
        using var again = await Platform.LoginAsync(name, Identities.Password);
        var after = (await again.GetJsonAsync("/api/v1/user")).GetProperty("groups").EnumerateArray().Select(g => g.Str("id")).ToHashSet();
        Assert.Equal(new HashSet<string> { middle, bottom }, after);
    }

    [ServiceFact]
    public async Task AddSubgroup_ThatWouldMakeACycle_Returns409()
    {
        using var admin = await Platform.LoginAsync();
        var a = await admin.CreateGroupAsync(Identities.Unique("a"));
        var b = await admin.CreateGroupAsync(Identities.Unique("b"));
        var c = await admin.CreateGroupAsync(Identities.Unique("c"));
        await admin.AddSubgroupAsync(a, b);
        await admin.AddSubgroupAsync(b, c);

        await admin.AddSubgroupAsync(c, a, HttpStatusCode.Conflict);
        await admin.AddSubgroupAsync(b, a, HttpStatusCode.Conflict);
        await admin.AddSubgroupAsync(a, a, HttpStatusCode.Conflict);
        await admin.AddSubgroupAsync(a, "no-such-group", HttpStatusCode.NotFound);
        // A second path to the same descendant is no cycle.
        await admin.AddSubgroupAsync(a, c);
    }

    [ServiceFact]
    public async Task ConcurrentOppositeNestings_NeverBothSucceed()
    {
        using var admin = await Platform.LoginAsync();
        for (var round = 0; round < 5; round++)
        {
            var x = await admin.CreateGroupAsync(Identities.Unique("x"));
            var y = await admin.CreateGroupAsync(Identities.Unique("y"));
            var tasks = new[]
            {
                System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, $"{Groups}/{x}/subgroups", new { groupId = y }),
                System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, $"{Groups}/{y}/subgroups", new { groupId = x }),
            };
            var responses = await Task.WhenAll(tasks);
            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], statuses);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [ServiceFact]
    public async Task DeleteGroup_RemovesItFromTheHierarchy()
    {
        using var admin = await Platform.LoginAsync();
        var parent = await admin.CreateGroupAsync(Identities.Unique("parent"));
        var child = await admin.CreateGroupAsync(Identities.Unique("child"));
        await admin.AddSubgroupAsync(parent, child);

        await admin.DeleteAsync($"{Groups}/{child}", HttpStatusCode.NoContent);

        Assert.Equal(0, (await admin.GetJsonAsync($"{Groups}/{parent}/subgroups")).GetProperty("total").GetInt32());
    }
}

public sealed class GroupTestsOnSqlite(SqlitePlatform fixture) : GroupTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class GroupTestsOnPostgres(PostgresPlatform fixture) : GroupTests<PostgresPlatform>(fixture);
