using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicyTesterTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Evaluate = DataSecurityClients.Base + "/evaluate";
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task Evaluate_ForAnAnalyst_ShowsTheMaskedColumnAndRowFilterWithTheirPolicies()
    {
        var (userId, username, _) = await fixture.UserAsync("analyst");
        var group = Identities.Unique("analysts");
        await Admin.AddMemberAsync(await Admin.CreateGroupAsync(group), userId);
        var database = Identities.Unique("crm").Replace('-', '_');
        var mask = await Admin.PostJsonAsync(DataSecurityClients.Base + "/mask/policy", new
        {
            name = Identities.Unique("mask-phone"),
            resources = new[] { new { databases = new[] { "spark_catalog." + database }, tables = new[] { "customers" }, columns = new[] { "phone" } } },
            dataMaskPolicyItems = new[] { new { groups = new[] { group }, dataMaskType = "MASK_SHOW_LAST_4" } },
        }, HttpStatusCode.Created);
        var filter = await Admin.PostJsonAsync(DataSecurityClients.Base + "/filter/policy", new
        {
            name = Identities.Unique("eu-rows"),
            resources = new[] { new { databases = new[] { "spark_catalog." + database }, tables = new[] { "customers" } } },
            rowFilterPolicyItems = new[] { new { groups = new[] { group }, filterExpr = "region = 'EU'" } },
        }, HttpStatusCode.Created);

        var result = await Admin.PostJsonAsync(Evaluate, new { username, database, table = "customers", columns = new[] { "phone", "name" } }, HttpStatusCode.OK);

        Assert.Equal(username, result.Str("username"));
        Assert.Equal($"spark_catalog.{database}.customers", result.Str("resource"));
        Assert.True(result.GetProperty("access").GetProperty("allowed").GetBoolean());
        Assert.Equal("region = 'EU'", result.GetProperty("rowFilter").Str("expression"));
        Assert.Equal(filter.Id(), result.GetProperty("rowFilter").GetProperty("policyId").GetInt64());
        var columns = result.GetProperty("columns").EnumerateArray().ToDictionary(c => c.Str("name")!);
        Assert.True(columns["phone"].GetProperty("allowed").GetBoolean());
        Assert.Equal("MASK_SHOW_LAST_4", columns["phone"].GetProperty("mask").Str("type"));
        Assert.Equal(mask.Id(), columns["phone"].GetProperty("mask").GetProperty("policyId").GetInt64());
        Assert.True(IsAbsent(columns["name"], "mask"));
    }

    [Fact]
    public async Task Evaluate_ForAnAdminUser_IsUnrestricted()
    {
        var result = await Admin.PostJsonAsync(Evaluate, new { username = "admin", database = "any_db", table = "t", columns = new[] { "c" } }, HttpStatusCode.OK);

        Assert.True(result.GetProperty("access").GetProperty("allowed").GetBoolean());
        Assert.True(IsAbsent(result, "rowFilter"));
        Assert.True(IsAbsent(result.GetProperty("columns")[0], "mask"));
    }

    /// <summary>The platform leaves null members out of its JSON.</summary>
    private static bool IsAbsent(JsonElement e, string name) => !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;

    [Fact]
    public async Task Evaluate_ForAnUnknownUser_NamesTheUsernameField()
    {
        var problem = await Admin.PostJsonAsync(Evaluate, new { username = "nobody-" + Guid.NewGuid().ToString("N"), database = "d", table = "t" }, HttpStatusCode.BadRequest);

        Assert.Contains("username", problem.ErrorFields());
    }

    [Fact]
    public async Task Evaluate_WithoutTheTable_Returns400()
    {
        var problem = await Admin.PostJsonAsync(Evaluate, new { username = "admin", database = "d" }, HttpStatusCode.BadRequest);

        Assert.Contains(problem.ErrorFields(), f => f.Equals("table", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Evaluate_AsAPlainUser_Returns403()
    {
        var (_, _, client) = await fixture.UserAsync("plain");

        await client.PostJsonAsync(Evaluate, new { username = "admin", database = "d", table = "t" }, HttpStatusCode.Forbidden);
    }
}
