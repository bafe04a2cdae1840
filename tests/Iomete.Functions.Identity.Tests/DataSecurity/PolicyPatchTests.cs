using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicyPatchTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

    [Fact]
    public async Task PatchResources_MergeAddsOnlyNewSets_RemoveDropsEqualOnes()
    {
        var created = await Admin.PostJsonAsync($"{Base}/access/policy",
            DataSecurityClients.AccessPolicy(Identities.Unique("res")), HttpStatusCode.Created);
        var path = $"{Base}/access/policy/{created.Id()}/resources";

        var merged = await Admin.PatchJsonAsync(path, new
        {
            action = "MERGE",
            resources = new object[]
            {
                new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "*" }, columns = new[] { "*" } },
                new { databases = new[] { "spark_catalog.hr" }, tables = new[] { "people" } },
            },
        }, HttpStatusCode.OK);
        Assert.Equal(2, merged.GetProperty("resources").GetArrayLength());
        Assert.Equal(2, merged.GetProperty("version").GetInt64());

        var removed = await Admin.PatchJsonAsync(path, new
        {
            action = "REMOVE",
            resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "*" }, columns = new[] { "*" } } },
        }, HttpStatusCode.OK);
        var only = Assert.Single(removed.GetProperty("resources").EnumerateArray());
        Assert.Equal("spark_catalog.hr", only.GetProperty("databases")[0].GetString());

        // Removing the last resource would leave an invalid policy.
        await Admin.PatchJsonAsync(path, new { action = "REMOVE", resources = new[] { new { databases = new[] { "spark_catalog.hr" }, tables = new[] { "people" } } } },
            HttpStatusCode.BadRequest);
        await Admin.PatchJsonAsync(path, new { action = "UPSERT", resources = new[] { new { databases = new[] { "x.y" } } } }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PatchItems_MergeUnionsPrincipalsOfTheSameAccessSet_RemoveDropsEmptyItems()
    {
        var created = await Admin.PostJsonAsync($"{Base}/access/policy",
            DataSecurityClients.AccessPolicy(Identities.Unique("items"), user: "alice"), HttpStatusCode.Created);
        var path = $"{Base}/access/policy/{created.Id()}/policy-items";

        var merged = await Admin.PatchJsonAsync(path, new
        {
            action = "MERGE",
            allowPolicyItems = new object[]
            {
                new { users = new[] { "bob" }, groups = new[] { "analysts" }, accesses = new[] { "select" } },
                new { users = new[] { "carol" }, accesses = new[] { "SELECT", "INSERT" } },
            },
            denyPolicyItems = new[] { new { groups = new[] { "contractors" }, accesses = new[] { "ALL" } } },
        }, HttpStatusCode.OK);
        var allow = merged.GetProperty("allowPolicyItems").EnumerateArray().ToList();
        Assert.Equal(2, allow.Count);
        Assert.Equal(["alice", "bob"], Strings(allow[0], "users"));
        Assert.Equal(["analysts"], Strings(allow[0], "groups"));
        Assert.Equal(["carol"], Strings(allow[1], "users"));
        Assert.Single(merged.GetProperty("denyPolicyItems").EnumerateArray());

        var removed = await Admin.PatchJsonAsync(path, new
        {
            action = "REMOVE",
            allowPolicyItems = new object[]
            {
                new { users = new[] { "alice" }, accesses = new[] { "SELECT" } },
                new { users = new[] { "carol" }, accesses = new[] { "INSERT", "SELECT" } },
            },
        }, HttpStatusCode.OK);
        var left = Assert.Single(removed.GetProperty("allowPolicyItems").EnumerateArray());
        Assert.Equal(["bob"], Strings(left, "users"));
        Assert.Equal(["analysts"], Strings(left, "groups"));
    }

    [Fact]
    public async Task PatchItems_OnMaskAndFilterPolicies_UsesTheirItemLists()
    {
        var mask = await Admin.PostJsonAsync($"{Base}/mask/policy", DataSecurityClients.MaskPolicy(Identities.Unique("pm")), HttpStatusCode.Created);
        var merged = await Admin.PatchJsonAsync($"{Base}/mask/policy/{mask.Id()}/policy-items", new
        {
            action = "MERGE",
            dataMaskPolicyItems = new object[]
            {
                new { groups = new[] { "support" }, dataMaskType = "MASK_SHOW_LAST_4" },
                new { users = new[] { "{OWNER}" }, dataMaskType = "MASK_NONE" },
            },
        }, HttpStatusCode.OK);
        var items = merged.GetProperty("dataMaskPolicyItems").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["analysts", "support"], Strings(items[0], "groups"));
        Assert.Equal("MASK_NONE", items[1].Str("dataMaskType"));

        var filter = await Admin.PostJsonAsync($"{Base}/filter/policy", DataSecurityClients.FilterPolicy(Identities.Unique("pf")), HttpStatusCode.Created);
        var removed = await Admin.PatchJsonAsync($"{Base}/filter/policy/{filter.Id()}/policy-items", new
        {
            action = "MERGE",
            rowFilterPolicyItems = new[] { new { users = new[] { "dana" }, filterExpr = "region = 'US'" } },
        }, HttpStatusCode.OK);
        Assert.Equal(2, removed.GetProperty("rowFilterPolicyItems").GetArrayLength());
        // Removing every principal of the only filter item but one leaves the other item.
        var after = await Admin.PatchJsonAsync($"{Base}/filter/policy/{filter.Id()}/policy-items", new
        {
            action = "REMOVE",
            rowFilterPolicyItems = new[] { new { groups = new[] { "eu-team" }, filterExpr = "region = 'EU'" } },
        }, HttpStatusCode.OK);
        var single = Assert.Single(after.GetProperty("rowFilterPolicyItems").EnumerateArray());
        Assert.Equal("region = 'US'", single.Str("filterExpr"));
    }
}
