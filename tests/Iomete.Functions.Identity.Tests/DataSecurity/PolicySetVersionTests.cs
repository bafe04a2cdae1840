using System.Net;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicySetVersionTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    private DataPolicyStore Store => fixture.Platform.Services.GetRequiredService<DataPolicyStore>();

    [Fact]
    public async Task SeededDefaults_ArePresent_AndEditableAndDeletable()
    {
        var list = await Admin.GetJsonAsync($"{Base}/access/policy?search=default-");
        var names = list.Names();
        Assert.Contains("default-catalog-managers", names);
        Assert.Contains("default-read-all", names);
        var managers = list.GetProperty("items").EnumerateArray().Single(p => p.Str("name") == "default-catalog-managers");
        Assert.Equal("SPARK_CATALOG_MANAGER", managers.GetProperty("allowPolicyItems")[0].GetProperty("roles")[0].GetString());
        Assert.Equal("ALL", managers.GetProperty("allowPolicyItems")[0].GetProperty("accesses")[0].GetString());
        var readAll = list.GetProperty("items").EnumerateArray().Single(p => p.Str("name") == "default-read-all");
        Assert.Equal("public", readAll.GetProperty("allowPolicyItems")[0].GetProperty("groups")[0].GetString());
        Assert.Equal("*", readAll.GetProperty("resources")[0].GetProperty("columns")[0].GetString());

        var snapshot = await Store.SnapshotAsync(CancellationToken.None);
        Assert.Contains(snapshot.ResourcePolicies, p => p.Name == "default-read-all" && p.Id > 0 && p.Version >= 1 && p.Service == "iomete");
        Assert.Empty(snapshot.SuperUsers);
        Assert.Empty(snapshot.SuperGroups);
    }

    [Fact]
    public async Task EveryChange_BumpsThePolicySetVersion_AndTheSnapshotFollows()
    {
        var versions = new List<long> { await Store.CurrentVersionAsync(CancellationToken.None) };
        async Task Step(Func<Task> change)
        {
            await change();
            versions.Add(await Store.CurrentVersionAsync(CancellationToken.None));
        }

        var name = Identities.Unique("ver");
        long id = 0;
        await Step(async () => id = (await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(name), HttpStatusCode.Created)).Id());
        var snapshot = await Store.SnapshotAsync(CancellationToken.None);
        Assert.Equal(versions[^1], snapshot.Version);
        var inSnapshot = Assert.Single(snapshot.ResourcePolicies, p => p.Name == name);
        Assert.Equal(id, inSnapshot.Id);
        Assert.Equal("select", inSnapshot.PolicyItems[0].Accesses[0].Type);

        await Step(() => Admin.PutJsonAsync($"{Base}/access/policy/{id}", new
        {
            name, isEnabled = false, resources = new[] { new { databases = new[] { "spark_catalog.x" } } },
        }, HttpStatusCode.OK));
        Assert.DoesNotContain((await Store.SnapshotAsync(CancellationToken.None)).ResourcePolicies, p => p.Name == name);
        await Step(() => Admin.PatchJsonAsync($"{Base}/access/policy/{id}/resources",
            new { action = "MERGE", resources = new[] { new { databases = new[] { "spark_catalog.y" } } } }, HttpStatusCode.OK));
        await Step(() => Admin.PatchJsonAsync($"{Base}/access/policy/{id}/policy-items",
            new { action = "MERGE", allowPolicyItems = new[] { new { users = new[] { "zed" }, accesses = new[] { "READ" } } } }, HttpStatusCode.OK));
        await Step(() => Admin.DeleteAsync($"{Base}/access/policy/{id}", HttpStatusCode.NoContent));
        long roleId = 0;
        var role = Identities.Unique("vrole");
        await Step(async () => roleId = (await Admin.PostJsonAsync($"{Base}/roles", new { name = role, users = new[] { new { name = "u" } } },
            HttpStatusCode.Created)).Id());
        Assert.Contains((await Store.SnapshotAsync(CancellationToken.None)).Roles, r => r.Name == role && r.Id == roleId);
        await Step(() => Admin.DeleteAsync($"{Base}/roles/{roleId}", HttpStatusCode.NoContent));
        await Step(() => Admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "c", database = "d", table = "t", tags = new[] { "PII" } }, HttpStatusCode.OK));
        var tag = Identities.Unique("vtag");
        await Step(async () => await Admin.PostJsonAsync($"{Base}/tag/mask/policy", new
        {
            name = tag, resources = new[] { new { tags = new[] { "PII" } } },
            dataMaskPolicyItems = new[] { new { groups = new[] { "public" }, dataMaskType = "MASK" } },
        }, HttpStatusCode.Created));
        var tagPolicy = Assert.Single((await Store.SnapshotAsync(CancellationToken.None)).TagPolicies, p => p.Name == tag);
        Assert.Equal("iomete_tag", tagPolicy.Service);
        Assert.Equal(RangerPolicyTypes.DataMask, tagPolicy.PolicyType);

        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i] > versions[i - 1], $"step {i} did not bump the version: {string.Join(", ", versions)}");
        }
        // A failed change does not bump it.
        var before = await Store.CurrentVersionAsync(CancellationToken.None);
        await Admin.PostJsonAsync($"{Base}/access/policy", new { name = "!!" }, HttpStatusCode.BadRequest);
        Assert.Equal(before, await Store.CurrentVersionAsync(CancellationToken.None));
    }
}
