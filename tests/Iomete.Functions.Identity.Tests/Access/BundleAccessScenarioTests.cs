using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using static Iomete.Functions.Identity.Tests.Access.RasPlatformFixture;

namespace Iomete.Functions.Identity.Tests.Access;

/// <summary>
/// The key scenario, over HTTP and through IAccessControl: admin makes alice, bob and domain sales;
/// alice owns a bundle holding COMPUTE/cluster-1; bob gets and loses access to it.
/// </summary>
public sealed class BundleAccessScenarioTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private HttpClient Admin => fixture.Admin;
    private IAccessControl Access => fixture.Access;

    private sealed record World(string Domain, string BundleId, string DomainBundleId, string Cluster,
        string AliceId, HttpClient Alice, string BobId, string Bob, HttpClient BobClient) : IDisposable
    {
        public void Dispose()
        {
            Alice.Dispose();
            BobClient.Dispose();
        }
    }

    private async Task<World> SetUpAsync()
    {
        var (aliceId, alice, aliceClient) = await fixture.UserAsync("alice");
        var (bobId, bob, bobClient) = await fixture.UserAsync("bob");
        var domain = await fixture.DomainAsync("sales");
        var bundle = await fixture.BundleAsync(domain, alice);
        var cluster = Identities.Unique("cluster-1");
        await aliceClient.PostJsonAsync($"/api/v1/bundles/{bundle.Str("id")}/assets", new { assetType = "COMPUTE", assetId = cluster }, HttpStatusCode.Created);
        var domainBundle = (await Admin.GetJsonAsync($"/api/v1/admin/domains/{domain}")).Str("bundleId");
        return new World(domain, bundle.Str("id"), domainBundle, cluster, aliceId, aliceClient, bobId, bob, bobClient);
    }

    [Fact]
    public async Task Bob_WithoutPermission_IsForbidden_GrantedViewHeSeesButCannotUpdate_RevokedHeIsForbiddenAgain()
    {
        using var w = await SetUpAsync();
        var bob = Caller(w.BobId, w.Bob);
        var assets = $"/api/v1/bundles/{w.BundleId}/assets";
        var permissions = $"/api/v1/bundles/{w.BundleId}/permissions";

        await w.BobClient.GetJsonAsync(assets, HttpStatusCode.Forbidden);
        await w.BobClient.PostJsonAsync(permissions, GrantView(w.Bob, "USER"), HttpStatusCode.Forbidden);
        var denied = await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None));
        Assert.Contains("VIEW", denied.Message);

        await w.Alice.PostJsonAsync(permissions, GrantView(w.Bob, "USER"), HttpStatusCode.OK);

        var listed = await w.BobClient.GetJsonAsync(assets);
        Assert.Equal(w.Cluster, Assert.Single(listed.GetProperty("items").EnumerateArray()).Str("assetId"));
        await Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "UPDATE", CancellationToken.None));
        await w.BobClient.PostJsonAsync(permissions, GrantView(w.Bob, "USER"), HttpStatusCode.Forbidden);
        await w.BobClient.PatchJsonAsync($"/api/v1/bundles/{w.BundleId}", new { description = "mine now" }, HttpStatusCode.Forbidden);
        await w.BobClient.DeleteAsync($"{assets}/COMPUTE/{w.Cluster}", HttpStatusCode.Forbidden);

        await SendAsync(w.Alice, HttpMethod.Delete, permissions, new { actorId = w.Bob, actorType = "USER" }, HttpStatusCode.NoContent);

        await w.BobClient.GetJsonAsync(assets, HttpStatusCode.Forbidden);
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None));
    }

    [Fact]
    public async Task Bob_GetsViewThroughAGroup_AndLosesItWhenTheGroupIsRevoked()
    {
        using var w = await SetUpAsync();
        var groupName = Identities.Unique("analysts");
        var groupId = await Admin.CreateGroupAsync(groupName);
        await Admin.AddMemberAsync(groupId, w.BobId);
        var bob = Caller(w.BobId, w.Bob, groupId);
        var assets = $"/api/v1/bundles/{w.BundleId}/assets";
        var permissions = $"/api/v1/bundles/{w.BundleId}/permissions";

        await w.BobClient.GetJsonAsync(assets, HttpStatusCode.Forbidden);
        await w.Alice.PostJsonAsync(permissions, GrantView(groupName, "GROUP"), HttpStatusCode.OK);

        await w.BobClient.GetJsonAsync(assets);
        await Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "UPDATE", CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(Caller(w.BobId, w.Bob), AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None));

        await SendAsync(w.Alice, HttpMethod.Delete, permissions, new { actorId = groupId, actorType = "GROUP", assetType = "COMPUTE" }, HttpStatusCode.NoContent);

        await w.BobClient.GetJsonAsync(assets, HttpStatusCode.Forbidden);
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.Compute, w.Cluster, "VIEW", CancellationToken.None));
    }

    [Fact]
    public async Task ADomainPermission_InTheDomainBundle_LetsBobPassTheDomainCheck()
    {
        using var w = await SetUpAsync();
        var bob = Caller(w.BobId, w.Bob);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(bob, w.Domain, DomainPermission.ManageAccessToken, CancellationToken.None));
        Assert.DoesNotContain((await w.BobClient.GetJsonAsync("/api/v2/user")).GetProperty("domains").EnumerateArray(),
            d => d.GetProperty("domain").Str("id") == w.Domain);

        await Admin.PostJsonAsync($"/api/v1/bundles/{w.DomainBundleId}/permissions", new
        {
            actorId = w.BobId, actorType = "USER",
            permissions = new Dictionary<string, string[]> { ["DOMAIN"] = [DomainPermission.ManageAccessToken] },
        }, HttpStatusCode.OK);

        await Access.RequireDomainPermissionAsync(bob, w.Domain, DomainPermission.ManageAccessToken, CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(bob, w.Domain, DomainPermission.CreateCompute, CancellationToken.None));
        Assert.True(await Access.CanAccessDomainAsync(bob, w.Domain, CancellationToken.None));
        var me = await w.BobClient.GetJsonAsync("/api/v2/user");
        var entry = Assert.Single(me.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain").Str("id") == w.Domain);
        Assert.False(entry.GetProperty("isOwner").GetBoolean());
        Assert.Equal(w.DomainBundleId, entry.GetProperty("bundle").Str("bundleId"));
        Assert.Equal([DomainPermission.ManageAccessToken], entry.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));

        await SendAsync(Admin, HttpMethod.Delete, $"/api/v1/bundles/{w.DomainBundleId}/permissions",
            new { actorId = w.BobId, actorType = "USER", assetType = "DOMAIN" }, HttpStatusCode.NoContent);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(bob, w.Domain, DomainPermission.ManageAccessToken, CancellationToken.None));
    }

    [Fact]
    public async Task TheAssetRegistry_PlacesAssetsForCallersWhoMayUseTheBundle_AndForgetsDeletedOnes()
    {
        using var w = await SetUpAsync();
        var registry = (IAssetRegistry)fixture.Platform.Services.GetService(typeof(IAssetRegistry))!;
        var bob = Caller(w.BobId, w.Bob);
        var job = Identities.Unique("job");

        await Assert.ThrowsAsync<ForbiddenException>(() => registry.RegisterAsync(bob, w.Domain, w.BundleId, AssetType.SparkJob, job, CancellationToken.None));
        await w.Alice.PostJsonAsync($"/api/v1/bundles/{w.BundleId}/permissions", new
        {
            actorId = w.BobId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["SPARK_JOB"] = ["VIEW"] },
        }, HttpStatusCode.OK);
        await Assert.ThrowsAsync<ValidationException>(() => registry.RegisterAsync(bob, "default", w.BundleId, AssetType.SparkJob, job, CancellationToken.None));
        await registry.RegisterAsync(bob, w.Domain, w.BundleId, AssetType.SparkJob, job, CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => registry.RegisterAsync(Caller(w.AliceId, "alice"), w.Domain, w.BundleId, AssetType.SparkJob, job, CancellationToken.None));

        await Access.RequireAssetPermissionAsync(bob, AssetType.SparkJob, job, "VIEW", CancellationToken.None);
        await registry.UnregisterAsync(AssetType.SparkJob, job, CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireAssetPermissionAsync(bob, AssetType.SparkJob, job, "VIEW", CancellationToken.None));
    }

    [Fact]
    public async Task AMemberOfASubgroupOfTheOwnerGroup_ManagesTheBundle()
    {
        using var w = await SetUpAsync();
        var parent = await Admin.CreateGroupAsync(Identities.Unique("owners"));
        var child = await Admin.CreateGroupAsync(Identities.Unique("owners-team"));
        await Admin.AddSubgroupAsync(parent, child);
        await Admin.AddMemberAsync(child, w.BobId);
        var permissions = $"/api/v1/bundles/{w.BundleId}/permissions";
        await w.BobClient.PostJsonAsync(permissions, GrantView(w.Bob, "USER"), HttpStatusCode.Forbidden);

        await w.Alice.PatchJsonAsync($"/api/v1/bundles/{w.BundleId}", new { owner = new { id = parent, type = "GROUP" } }, HttpStatusCode.OK);

        await w.BobClient.PostJsonAsync(permissions, GrantView(w.Bob, "USER"), HttpStatusCode.OK);
        await Access.RequireAssetPermissionAsync(Caller(w.BobId, w.Bob, child, parent), AssetType.Compute, w.Cluster, "DELETE", CancellationToken.None);
        await w.Alice.GetJsonAsync($"/api/v1/bundles/{w.BundleId}/assets", HttpStatusCode.Forbidden);
    }

    private static object GrantView(string actorId, string actorType) =>
        new { actorId, actorType, permissions = new Dictionary<string, string[]> { ["COMPUTE"] = ["VIEW"] } };
}
