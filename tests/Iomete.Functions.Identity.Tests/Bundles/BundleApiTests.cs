using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;
using static Iomete.Functions.Identity.Tests.Access.RasPlatformFixture;

namespace Iomete.Functions.Identity.Tests.Bundles;

public sealed class BundleApiTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task Create_DefaultsTheOwnerToTheCaller_AndNamesAreUniquePerDomain()
    {
        var domain = await fixture.DomainAsync("bdl");
        var name = Identities.Unique("etl");

        var created = await Admin.PostJsonAsync("/api/v1/bundles", new { name, description = "ETL things", domain }, HttpStatusCode.Created);

        Assert.Equal("RESOURCE", created.Str("bundleType"));
        Assert.Equal("admin", created.GetProperty("owner").Str("name"));
        Assert.Equal("ETL things", created.Str("description"));
        Assert.False(created.GetProperty("archived").GetBoolean());
        await Admin.PostJsonAsync("/api/v1/bundles", new { name, domain }, HttpStatusCode.Conflict);
        await Admin.PostJsonAsync("/api/v1/bundles", new { name, domain = "no-such-domain" }, HttpStatusCode.NotFound);
        await Admin.PostJsonAsync("/api/v1/bundles", new { name = "x", domain, owner = new { id = "nobody-here", type = "GROUP" } }, HttpStatusCode.NotFound);
        await Admin.PostJsonAsync("/api/v1/bundles", new { name = "  ", domain }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_NeedsCreateResourceBundleInTheDomain()
    {
        var domain = await fixture.DomainAsync("crb");
        var (_, username, user) = await fixture.UserAsync("maker");
        using var _ = user;

        var denied = await user.PostJsonAsync("/api/v1/bundles", new { name = "mine", domain }, HttpStatusCode.Forbidden);
        Assert.Contains("CREATE_RESOURCE_BUNDLE", denied.Str("detail"));

        var domainBundle = (await Admin.GetJsonAsync($"/api/v1/admin/domains/{domain}")).Str("bundleId");
        await Admin.PostJsonAsync($"/api/v1/bundles/{domainBundle}/permissions",
            new { actorId = username, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["CREATE_RESOURCE_BUNDLE"] } }, HttpStatusCode.OK);
        var created = await user.PostJsonAsync("/api/v1/bundles", new { name = "mine", domain }, HttpStatusCode.Created);
        Assert.Equal(username, created.GetProperty("owner").Str("name"));
    }

    [Fact]
    public async Task PatchChangesDescriptionAndOwner_OnlyForItsManagers_AndTheNameStays()
    {
        var domain = await fixture.DomainAsync("patch");
        var (aliceId, alice, aliceClient) = await fixture.UserAsync("alice");
        var (_, _, bobClient) = await fixture.UserAsync("bob");
        using var a = aliceClient;
        using var b = bobClient;
        var bundle = await fixture.BundleAsync(domain, alice);
        var id = bundle.Str("id");

        await bobClient.PatchJsonAsync($"/api/v1/bundles/{id}", new { description = "bob was here" }, HttpStatusCode.Forbidden);
        var patched = await aliceClient.PatchJsonAsync($"/api/v1/bundles/{id}", new { description = "new words", name = "renamed" }, HttpStatusCode.OK);
        Assert.Equal("new words", patched.Str("description"));
        Assert.Equal(bundle.Str("name"), patched.Str("name"));
        Assert.Equal(aliceId, patched.GetProperty("owner").Str("id"));

        var handedOver = await aliceClient.PatchJsonAsync($"/api/v1/bundles/{id}", new { owner = new { id = "admin", type = "USER" } }, HttpStatusCode.OK);
        Assert.Equal("admin", handedOver.GetProperty("owner").Str("name"));
        await aliceClient.PatchJsonAsync($"/api/v1/bundles/{id}", new { description = "again" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Archive_OnlyWhenEmpty_ThenListedAsArchived_AndRestorable()
    {
        var domain = await fixture.DomainAsync("arch");
        var bundle = await fixture.BundleAsync(domain, "admin");
        var id = bundle.Str("id");
        await Admin.PostJsonAsync($"/api/v1/bundles/{id}/assets", new { assetType = "SPARK_JOB", assetId = "job-1" }, HttpStatusCode.Created);

        await Admin.DeleteAsync($"/api/v1/bundles/{id}", HttpStatusCode.Conflict);
        await Admin.DeleteAsync($"/api/v1/bundles/{id}/assets/SPARK_JOB/job-1", HttpStatusCode.NoContent);
        await Admin.DeleteAsync($"/api/v1/bundles/{id}/assets/SPARK_JOB/job-1", HttpStatusCode.NotFound);
        await Admin.DeleteAsync($"/api/v1/bundles/{id}", HttpStatusCode.NoContent);

        var live = await Admin.GetJsonAsync($"/api/v1/bundles?domain={domain}&bundleType=RESOURCE");
        Assert.Equal(0, live.GetProperty("total").GetInt64());
        var archived = await Admin.GetJsonAsync($"/api/v1/bundles?domain={domain}&archived=true");
        Assert.True(Assert.Single(archived.GetProperty("items").EnumerateArray()).GetProperty("archived").GetBoolean());
        await Admin.PostJsonAsync($"/api/v1/bundles/{id}/assets", new { assetType = "SPARK_JOB", assetId = "job-2" }, HttpStatusCode.Conflict);

        var restored = await Admin.PostJsonAsync($"/api/v1/bundles/{id}/restore", new { }, HttpStatusCode.OK);
        Assert.False(restored.GetProperty("archived").GetBoolean());
        var domainBundle = (await Admin.GetJsonAsync($"/api/v1/admin/domains/{domain}")).Str("bundleId");
        await Admin.DeleteAsync($"/api/v1/bundles/{domainBundle}", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Permissions_AreValidatedAgainstTheirAssetType()
    {
        var domain = await fixture.DomainAsync("perm");
        var (_, bob, bobClient) = await fixture.UserAsync("bob");
        using var _ = bobClient;
        var id = (await fixture.BundleAsync(domain, "admin")).Str("id");
        var path = $"/api/v1/bundles/{id}/permissions";

        var bad = await Admin.PostJsonAsync(path, Grant(bob, "USER", "COMPUTE", "VIEW", "FLY"), HttpStatusCode.BadRequest);
        Assert.Contains("FLY", bad.Str("detail"));
        Assert.Contains("NOPE", (await Admin.PostJsonAsync(path, Grant(bob, "USER", "NOPE", "VIEW"), HttpStatusCode.BadRequest)).Str("detail"));
        await Admin.PostJsonAsync(path, Grant(bob, "USER", "DOMAIN", "CREATE_COMPUTE"), HttpStatusCode.BadRequest);
        await Admin.PostJsonAsync(path, Grant("no-such-user", "USER", "COMPUTE", "VIEW"), HttpStatusCode.NotFound);
        await Admin.PostJsonAsync(path, Grant("no-such-group", "GROUP", "COMPUTE", "VIEW"), HttpStatusCode.NotFound);
        await Admin.PutJsonAsync(path, new { actorId = bob, actorType = "USER", assetType = "SPARK_JOB", permissions = new[] { "EXECUTE" } }, HttpStatusCode.BadRequest);

        var domainBundle = (await Admin.GetJsonAsync($"/api/v1/admin/domains/{domain}")).Str("bundleId");
        await Admin.PostJsonAsync($"/api/v1/bundles/{domainBundle}/permissions", Grant(bob, "USER", "COMPUTE", "VIEW"), HttpStatusCode.BadRequest);
        await Admin.PostJsonAsync($"/api/v1/bundles/{domainBundle}/permissions", Grant(bob, "USER", "DOMAIN", "NOT_A_THING"), HttpStatusCode.BadRequest);
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/bundles/{id}/members")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Permissions_GrantAdds_PutReplacesOneType_DeleteRevokes()
    {
        var domain = await fixture.DomainAsync("grant");
        var (bobId, bob, bobClient) = await fixture.UserAsync("bob");
        using var _ = bobClient;
        var id = (await fixture.BundleAsync(domain, "admin")).Str("id");
        var path = $"/api/v1/bundles/{id}/permissions";

        await Admin.PostJsonAsync(path, Grant(bob, "USER", "COMPUTE", "view"), HttpStatusCode.OK);
        var added = await Admin.PostJsonAsync(path, new
        {
            actorId = bobId, actorType = "USER",
            permissions = new Dictionary<string, string[]> { ["COMPUTE"] = ["UPDATE", "VIEW"], ["SPARK_JOB"] = ["RUN"] },
        }, HttpStatusCode.OK);
        Assert.Equal(["VIEW", "UPDATE"], added.GetProperty("permissions").GetProperty("COMPUTE").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(bob, added.Str("actorName"));

        var replaced = await Admin.PutJsonAsync(path, new { actorId = bob, actorType = "USER", assetType = "COMPUTE", permissions = new[] { "EXECUTE" } }, HttpStatusCode.OK);
        Assert.Equal(["EXECUTE"], replaced.GetProperty("permissions").GetProperty("COMPUTE").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["RUN"], replaced.GetProperty("permissions").GetProperty("SPARK_JOB").EnumerateArray().Select(p => p.GetString()));

        await SendAsync(Admin, HttpMethod.Delete, path, new { actorId = bob, actorType = "USER", assetType = "SPARK_JOB" }, HttpStatusCode.NoContent);
        var members = await Admin.GetJsonAsync($"/api/v1/bundles/{id}/members");
        var member = Assert.Single(members.GetProperty("items").EnumerateArray());
        Assert.Equal(bobId, member.Str("actorId"));
        Assert.False(member.GetProperty("permissions").TryGetProperty("SPARK_JOB", out var _));

        await SendAsync(Admin, HttpMethod.Delete, path, new { actorId = bob, actorType = "USER" }, HttpStatusCode.NoContent);
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/bundles/{id}/members")).GetProperty("items").EnumerateArray());
        await SendAsync(Admin, HttpMethod.Delete, path, new { actorId = bob, actorType = "USER" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AssetTypePermissions_ListTheValidPermissions()
    {
        var compute = await Admin.GetJsonAsync("/api/v1/bundles/assetTypes/COMPUTE/permissions");
        Assert.Equal(["VIEW", "UPDATE", "DELETE", "EXECUTE", "CONSUME"], compute.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var domain = await Admin.GetJsonAsync("/api/v1/bundles/assetTypes/DOMAIN/permissions");
        Assert.Contains("MANAGE_ACCESS_TOKEN", domain.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        await Admin.GetJsonAsync("/api/v1/bundles/assetTypes/TOASTER/permissions", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Assets_BelongToOneBundle_AndTransferWithinTheDomainBetweenOwnedBundles()
    {
        var domain = await fixture.DomainAsync("xfer");
        var other = await fixture.DomainAsync("xfer-other");
        var (_, alice, aliceClient) = await fixture.UserAsync("alice");
        using var _ = aliceClient;
        var source = (await fixture.BundleAsync(domain, alice)).Str("id");
        var target = (await fixture.BundleAsync(domain, alice)).Str("id");
        var foreign = (await fixture.BundleAsync(other, alice)).Str("id");
        var adminOwned = (await fixture.BundleAsync(domain, "admin")).Str("id");
        var asset = Identities.Unique("cluster");
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets", new { assetType = "COMPUTE", assetId = asset }, HttpStatusCode.Created);
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{target}/assets", new { assetType = "COMPUTE", assetId = asset }, HttpStatusCode.Conflict);
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets", new { assetType = "DOMAIN", assetId = "x" }, HttpStatusCode.BadRequest);

        var move = new { targetBundleId = target, assets = new[] { new { assetType = "COMPUTE", assetId = asset } } };
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets/transfer", move with { targetBundleId = foreign }, HttpStatusCode.BadRequest);
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets/transfer", move with { targetBundleId = adminOwned }, HttpStatusCode.Forbidden);
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets/transfer", move, HttpStatusCode.NoContent);

        var moved = await aliceClient.GetJsonAsync($"/api/v1/bundles/{target}/assets");
        Assert.Equal(asset, Assert.Single(moved.GetProperty("items").EnumerateArray()).Str("assetId"));
        Assert.Equal(0, (await aliceClient.GetJsonAsync($"/api/v1/bundles/{source}/assets")).GetProperty("total").GetInt64());
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{source}/assets/transfer", move, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ShowsEachCallerOnlyWhatItMaySee()
    {
        var domain = await fixture.DomainAsync("vis");
        var (_, alice, aliceClient) = await fixture.UserAsync("alice");
        var (_, _, eveClient) = await fixture.UserAsync("eve");
        using var a = aliceClient;
        using var e = eveClient;
        var mine = (await fixture.BundleAsync(domain, alice)).Str("id");
        await fixture.BundleAsync(domain, "admin");

        var aliceSees = await aliceClient.GetJsonAsync($"/api/v1/bundles?domain={domain}");
        Assert.Equal([mine], aliceSees.GetProperty("items").EnumerateArray().Select(b => b.Str("id")));
        Assert.Equal(0, (await eveClient.GetJsonAsync($"/api/v1/bundles?domain={domain}")).GetProperty("total").GetInt64());
        await eveClient.GetJsonAsync($"/api/v1/bundles/{mine}", HttpStatusCode.Forbidden);
        Assert.Equal(3, (await Admin.GetJsonAsync($"/api/v1/bundles?domain={domain}")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await Admin.GetJsonAsync($"/api/v1/bundles?domain={domain}&scope=MY&bundleType=RESOURCE")).GetProperty("total").GetInt64());
        await Admin.GetJsonAsync("/api/v1/bundles?scope=EVERYTHING", HttpStatusCode.BadRequest);
    }

    private static object Grant(string actorId, string actorType, string assetType, params string[] permissions) =>
        new { actorId, actorType, permissions = new Dictionary<string, string[]> { [assetType] = permissions } };
}
