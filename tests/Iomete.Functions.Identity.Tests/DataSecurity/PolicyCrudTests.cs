using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicyCrudTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task AccessPolicy_CreateGetUpdateDelete_RoundTripsIometeShape()
    {
        var name = Identities.Unique("sales-read");
        var created = await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(name), HttpStatusCode.Created);
        var id = created.Id();
        Assert.True(id > 0);
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal("NORMAL", created.Str("priority"));
        Assert.True(created.GetProperty("isEnabled").GetBoolean());
        Assert.Equal("admin", created.Str("createdBy"));
        var resource = created.GetProperty("resources")[0];
        Assert.Equal("spark_catalog.sales", resource.GetProperty("databases")[0].GetString());
        Assert.Equal("INCLUDE", resource.Str("databasesInclusionType"));
        Assert.Equal("SELECT", created.GetProperty("allowPolicyItems")[0].GetProperty("accesses")[0].GetString());

        var fetched = await Admin.GetJsonAsync($"{Base}/access/policy/{id}");
        Assert.Equal(name, fetched.Str("name"));

        var updated = await Admin.PutJsonAsync($"{Base}/access/policy/{id}", new
        {
            name,
            priority = "OVERRIDE",
            version = 1,
            validityPeriod = new { startTime = "2026/01/01 00:00:00", endTime = "2027/01/01 00:00:00", timeZone = "Europe/Amsterdam" },
            resources = new object[]
            {
                new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "tmp_*" }, tableInclusionType = "EXCLUDE" },
                new { databases = new[] { "spark_catalog.hr" } },
            },
            denyPolicyItems = new[] { new { groups = new[] { "contractors" }, accesses = new[] { "ALL" } } },
        }, HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("OVERRIDE", updated.Str("priority"));
        Assert.Equal(2, updated.GetProperty("resources").GetArrayLength());
        Assert.Equal("EXCLUDE", updated.GetProperty("resources")[0].Str("tablesInclusionType"));
        Assert.Equal("Europe/Amsterdam", updated.GetProperty("validityPeriod").Str("timeZone"));
        Assert.Empty(updated.GetProperty("allowPolicyItems").EnumerateArray());

        await Admin.DeleteAsync($"{Base}/access/policy/{id}", HttpStatusCode.NoContent);
        await Admin.GetJsonAsync($"{Base}/access/policy/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MaskAndFilterPolicies_AreCreatedAndListedUnderTheirOwnKind()
    {
        var mask = Identities.Unique("mask");
        var filter = Identities.Unique("filter");
        var createdMask = await Admin.PostJsonAsync($"{Base}/mask/policy", DataSecurityClients.MaskPolicy(mask, "CUSTOM", "md5({col})"), HttpStatusCode.Created);
        Assert.Equal("CUSTOM", createdMask.GetProperty("dataMaskPolicyItems")[0].Str("dataMaskType"));
        Assert.Equal("md5({col})", createdMask.GetProperty("dataMaskPolicyItems")[0].Str("dataMaskCustomExpr"));
        Assert.False(createdMask.TryGetProperty("allowPolicyItems", out _));
        var createdFilter = await Admin.PostJsonAsync($"{Base}/filter/policy", DataSecurityClients.FilterPolicy(filter), HttpStatusCode.Created);
        Assert.Equal("region = 'EU'", createdFilter.GetProperty("rowFilterPolicyItems")[0].Str("filterExpr"));

        Assert.Contains(mask, (await Admin.GetJsonAsync($"{Base}/mask/policy?limit=1000")).Names());
        Assert.DoesNotContain(mask, (await Admin.GetJsonAsync($"{Base}/access/policy?limit=1000")).Names());
        Assert.Contains(filter, (await Admin.GetJsonAsync($"{Base}/filter/policy?limit=1000")).Names());
        // A mask policy's id is not an access policy.
        await Admin.GetJsonAsync($"{Base}/access/policy/{createdMask.Id()}", HttpStatusCode.NotFound);
        await Admin.GetJsonAsync($"{Base}/filter/policy/{createdMask.Id()}", HttpStatusCode.NotFound);
        await Admin.GetJsonAsync($"{Base}/mask/policy/{createdMask.Id()}");
    }

    [Fact]
    public async Task TagPolicies_NameTags_AndTagMaskRejectsCustom()
    {
        var access = Identities.Unique("pii-deny");
        var created = await Admin.PostJsonAsync($"{Base}/tag/access/policy", new
        {
            name = access,
            resources = new[] { new { tags = new[] { "PII" } } },
            denyPolicyItems = new[] { new { groups = new[] { "public" }, accesses = new[] { "SELECT" } } },
            denyExceptions = new[] { new { groups = new[] { "privacy-officers" }, accesses = new[] { "SELECT" } } },
        }, HttpStatusCode.Created);
        Assert.Equal("PII", created.GetProperty("resources")[0].GetProperty("tags")[0].GetString());
        await Admin.GetJsonAsync($"{Base}/tag/access/policy/{created.Id()}");
        await Admin.GetJsonAsync($"{Base}/access/policy/{created.Id()}", HttpStatusCode.NotFound);

        var mask = await Admin.PostJsonAsync($"{Base}/tag/mask/policy", new
        {
            name = Identities.Unique("pii-mask"),
            resources = new[] { new { tags = new[] { "PII" } } },
            dataMaskPolicyItems = new[] { new { groups = new[] { "public" }, dataMaskType = "MASK_HASH" } },
        }, HttpStatusCode.Created);
        Assert.Contains(mask.Str("name"), (await Admin.GetJsonAsync($"{Base}/tag/mask/policy?limit=1000")).Names());

        var problem = await Admin.PostJsonAsync($"{Base}/tag/mask/policy", new
        {
            name = Identities.Unique("pii-custom"),
            resources = new[] { new { tags = new[] { "PII" } } },
            dataMaskPolicyItems = new[] { new { groups = new[] { "public" }, dataMaskType = "CUSTOM", dataMaskCustomExpr = "md5({col})" } },
        }, HttpStatusCode.BadRequest);
        Assert.Contains("dataMaskPolicyItems[0].dataMaskType", problem.ErrorFields());
        await Admin.PostJsonAsync($"{Base}/tag/filter/policy", DataSecurityClients.FilterPolicy(Identities.Unique("x")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByUserGroupDatabaseTablePriorityAndSearch()
    {
        var marker = Identities.Unique("lst");
        await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy($"{marker}-a", "spark_catalog.finance", "bob"), HttpStatusCode.Created);
        await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = $"{marker}-b",
            priority = "OVERRIDE",
            isEnabled = false,
            resources = new[] { new { databases = new[] { "spark_catalog.fin*" }, tables = new[] { "ledger" } } },
            allowPolicyItems = new[] { new { groups = new[] { "auditors" }, accesses = new[] { "SELECT", "READ" } } },
        }, HttpStatusCode.Created);

        Assert.Equal([$"{marker}-a", $"{marker}-b"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}")).Names());
        Assert.Equal([$"{marker}-b", $"{marker}-a"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&sort=-name")).Names());
        Assert.Equal([$"{marker}-a"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&user=bob")).Names());
        Assert.Equal([$"{marker}-b"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&group=auditors")).Names());
        Assert.Equal([$"{marker}-b"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&priority=OVERRIDE")).Names());
        Assert.Equal([$"{marker}-b"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&isEnabled=false")).Names());
        Assert.Equal([$"{marker}-a", $"{marker}-b"],
            (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&database=spark_catalog.finance")).Names());
        // A wildcard in a policy matches the filter value: '*' covers every table, 'ledger' only itself.
        Assert.Equal([$"{marker}-a", $"{marker}-b"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&table=ledger")).Names());
        Assert.Equal([$"{marker}-a"], (await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&table=invoices")).Names());
        var page = await Admin.GetJsonAsync($"{Base}/access/policy?search={marker}&limit=1&offset=1");
        Assert.Equal(2, page.GetProperty("total").GetInt64());
        Assert.Equal([$"{marker}-b"], page.Names());
        await Admin.GetJsonAsync($"{Base}/access/policy?priority=HIGH", HttpStatusCode.BadRequest);
    }
}
