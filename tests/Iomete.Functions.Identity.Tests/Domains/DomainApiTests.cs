using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.Domains;

public sealed class DomainApiTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task Create_ReturnsTheDomain_WithNameDefaultingToId_AndItsDomainBundle()
    {
        var id = Identities.Unique("sales");
        var created = await Admin.PostJsonAsync("/api/v2/admin/domains", new { id, owner = new { id = "admin", type = "USER" } }, HttpStatusCode.Created);

        Assert.Equal(id, created.Str("id"));
        Assert.Equal(id, created.Str("name"));
        Assert.Equal("admin", created.GetProperty("owner").Str("name"));
        Assert.Equal("USER", created.GetProperty("owner").Str("type"));
        var bundle = await Admin.GetJsonAsync($"/api/v1/bundles/{created.Str("bundleId")}");
        Assert.Equal("DOMAIN", bundle.Str("bundleType"));
        Assert.Equal(id, bundle.Str("domain"));
        var fetched = await Admin.GetJsonAsync($"/api/v1/admin/domains/{id}");
        Assert.Equal(created.Str("bundleId"), fetched.Str("bundleId"));
    }

    [Fact]
    public async Task Create_WithSeveralOwners_KeepsThemInOrder()
    {
        var groupName = Identities.Unique("leads");
        var groupId = await Admin.CreateGroupAsync(groupName);
        var id = Identities.Unique("multi");

        var created = await Admin.PostJsonAsync("/api/v2/admin/domains",
            new { id, name = "Multi owners", owners = new object[] { new { id = groupName, type = "GROUP" }, new { id = "admin", type = "USER" } } },
            HttpStatusCode.Created);

        var owners = created.GetProperty("owners").EnumerateArray().ToList();
        Assert.Equal([groupId, "GROUP"], new[] { owners[0].Str("id"), owners[0].Str("type") });
        Assert.Equal("admin", owners[1].Str("name"));
        Assert.Equal("Multi owners", created.Str("name"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    [InlineData("")]
    [InlineData("a-very-long-domain-id-that-goes-past-the-sixty-three-characters-limit")]
    public async Task Create_WithABadId_Returns400(string id)
    {
        var problem = await Admin.PostJsonAsync("/api/v2/admin/domains", new { id }, HttpStatusCode.BadRequest);
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
    }

    [Fact]
    public async Task Create_Twice_Returns409()
    {
        var id = await fixture.DomainAsync("dup");
        await Admin.PostJsonAsync("/api/v2/admin/domains", new { id }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_WithAnUnknownOwner_Returns404()
    {
        await Admin.PostJsonAsync("/api/v2/admin/domains",
            new { id = Identities.Unique("orphan"), owner = new { id = "nobody-" + Guid.NewGuid().ToString("N")[..6], type = "USER" } }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUpdateDelete_OfAnUnknownDomain_Return404()
    {
        await Admin.GetJsonAsync("/api/v1/admin/domains/no-such-domain", HttpStatusCode.NotFound);
        await Admin.PutJsonAsync("/api/v1/admin/domains/no-such-domain", new { name = "x" }, HttpStatusCode.NotFound);
        await Admin.DeleteAsync("/api/v1/admin/domains/no-such-domain", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_RenamesAndReplacesOwners_EmptyOwnersIs400()
    {
        var id = await fixture.DomainAsync("upd");
        var (bobId, bobName, bob) = await fixture.UserAsync("bob");
        using var _ = bob;

        var updated = await Admin.PutJsonAsync($"/api/v1/admin/domains/{id}", new { name = "Renamed", owners = new[] { new { id = bobName, type = "USER" } } }, HttpStatusCode.OK);

        Assert.Equal("Renamed", updated.Str("name"));
        Assert.Equal(bobId, Assert.Single(updated.GetProperty("owners").EnumerateArray()).Str("id"));
        await Admin.PutJsonAsync($"/api/v1/admin/domains/{id}", new { owners = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        // The new owner now manages the domain's DOMAIN bundle.
        var domainBundle = updated.Str("bundleId");
        await RasPlatformFixture.SendAsync(bob, HttpMethod.Post, $"/api/v1/bundles/{domainBundle}/permissions",
            new { actorId = "admin", actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["CREATE_COMPUTE"] } }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_RemovesTheDomain_ButRefusesDefaultAndDomainsWithAssets()
    {
        var empty = await fixture.DomainAsync("gone");
        await Admin.DeleteAsync($"/api/v1/admin/domains/{empty}", HttpStatusCode.NoContent);
        await Admin.GetJsonAsync($"/api/v1/admin/domains/{empty}", HttpStatusCode.NotFound);

        await Admin.DeleteAsync("/api/v1/admin/domains/default", HttpStatusCode.Conflict);

        var busy = await fixture.DomainAsync("busy");
        var bundle = await fixture.BundleAsync(busy, "admin");
        await Admin.PostJsonAsync($"/api/v1/bundles/{bundle.Str("id")}/assets", new { assetType = "COMPUTE", assetId = Identities.Unique("c") }, HttpStatusCode.Created);
        await Admin.DeleteAsync($"/api/v1/admin/domains/{busy}", HttpStatusCode.Conflict);
        await Admin.GetJsonAsync($"/api/v1/admin/domains/{busy}");
    }

    [Fact]
    public async Task List_PagesSortsAndSearches()
    {
        var marker = Identities.Unique("zz-list");
        foreach (var suffix in new[] { "a", "b", "c" })
        {
            await Admin.PostJsonAsync("/api/v2/admin/domains", new { id = $"{marker}-{suffix}" }, HttpStatusCode.Created);
        }

        var page = await Admin.GetJsonAsync($"/api/v2/admin/domains?search={marker}&sort=-id&limit=2&offset=0");

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal([$"{marker}-c", $"{marker}-b"], page.GetProperty("items").EnumerateArray().Select(d => d.Str("id")));
        await Admin.GetJsonAsync("/api/v2/admin/domains?sort=owner", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ANonManager_IsForbiddenFromEveryDomainAdminRoute_ADomainManagerIsNot()
    {
        var (userId, _, user) = await fixture.UserAsync("nonmgr");
        using var _ = user;

        await user.PostJsonAsync("/api/v2/admin/domains", new { id = Identities.Unique("nope") }, HttpStatusCode.Forbidden);
        await user.GetJsonAsync("/api/v2/admin/domains", HttpStatusCode.Forbidden);
        await user.GetJsonAsync("/api/v1/admin/domains/default", HttpStatusCode.Forbidden);
        await user.PutJsonAsync("/api/v1/admin/domains/default", new { name = "mine" }, HttpStatusCode.Forbidden);
        await user.DeleteAsync("/api/v1/admin/domains/default", HttpStatusCode.Forbidden);

        await Admin.PutJsonAsync($"/api/v1/admin/identity/users/{userId}/roles", new { roles = new[] { "DOMAIN_MANAGER" } }, HttpStatusCode.OK);
        var created = await user.PostJsonAsync("/api/v2/admin/domains", new { id = Identities.Unique("mgr") }, HttpStatusCode.Created);
        Assert.Equal(userId, created.GetProperty("owner").Str("id"));
    }

    [Fact]
    public async Task ReadOnlyAdmin_ReadsDomains_ButCannotChangeThem()
    {
        var (userId, _, user) = await fixture.UserAsync("ro");
        using var _ = user;
        await Admin.PutJsonAsync($"/api/v1/admin/identity/users/{userId}/roles", new { roles = new[] { "READ_ONLY_ADMIN" } }, HttpStatusCode.OK);

        await user.GetJsonAsync("/api/v1/admin/domains/default");
        await user.GetJsonAsync("/api/v2/admin/domains");
        await user.PutJsonAsync("/api/v1/admin/domains/default", new { name = "mine" }, HttpStatusCode.Forbidden);
    }
}
