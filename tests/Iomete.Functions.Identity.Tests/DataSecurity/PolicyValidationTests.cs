using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicyValidationTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task AccessPolicy_WithBadFields_Returns400NamingEachField()
    {
        var problem = await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = "bad name!",
            priority = "HIGH",
            validityPeriod = new { startTime = "2026/05/01 00:00:00", endTime = "2026/04/01 00:00:00", timeZone = "Mars/Olympus" },
            resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tablesInclusionType = "SOMETIMES" } },
            allowPolicyItems = new object[]
            {
                new { users = new[] { "alice" }, accesses = new[] { "SELECT", "FLY" } },
                new { accesses = new[] { "SELECT" } },
            },
        }, HttpStatusCode.BadRequest);

        var fields = problem.ErrorFields();
        Assert.Contains("name", fields);
        Assert.Contains("priority", fields);
        Assert.Contains("validityPeriod.endTime", fields);
        Assert.Contains("validityPeriod.timeZone", fields);
        Assert.Contains("resources[0].tablesInclusionType", fields);
        Assert.Contains("allowPolicyItems[0].accesses", fields);
        Assert.Contains("allowPolicyItems[1]", fields);
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
    }

    [Fact]
    public async Task BadTimeFormatAndMissingResources_AreRejected()
    {
        var problem = await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = Identities.Unique("times"),
            validityPeriods = new[] { new { startTime = "2026-05-01T00:00:00Z" } },
            resources = Array.Empty<object>(),
        }, HttpStatusCode.BadRequest);
        Assert.Contains("validityPeriods[0].startTime", problem.ErrorFields());
        Assert.Contains("resources", problem.ErrorFields());
    }

    [Fact]
    public async Task MaskPolicy_NeedsSingleExactResources_KnownTypes_AndColInCustom()
    {
        var problem = await Admin.PostJsonAsync($"{Base}/mask/policy", new
        {
            name = Identities.Unique("mask"),
            resources = new[] { new { databases = new[] { "spark_catalog.*" }, tables = new[] { "a", "b" }, columns = Array.Empty<string>() } },
            dataMaskPolicyItems = new object[]
            {
                new { users = new[] { "{USER}" }, dataMaskType = "SCRAMBLE" },
                new { groups = new[] { "public" }, dataMaskType = "CUSTOM", dataMaskCustomExpr = "md5(phone)" },
                new { roles = new[] { "r" }, dataMaskType = "MASK", conditionExpr = "1=1; DROP TABLE x" },
            },
        }, HttpStatusCode.BadRequest);
        var fields = problem.ErrorFields();
        Assert.Contains("resources[0].databases", fields);
        Assert.Contains("resources[0].tables", fields);
        Assert.Contains("resources[0].columns", fields);
        Assert.Contains("dataMaskPolicyItems[0].dataMaskType", fields);
        Assert.Contains("dataMaskPolicyItems[1].dataMaskCustomExpr", fields);
        Assert.Contains("dataMaskPolicyItems[2].conditionExpr", fields);
    }

    [Fact]
    public async Task FilterPolicy_RejectsCommentsAndColumns_AndAccessItems()
    {
        var problem = await Admin.PostJsonAsync($"{Base}/filter/policy", new
        {
            name = Identities.Unique("filter"),
            resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "orders" }, columns = new[] { "id" } } },
            rowFilterPolicyItems = new[] { new { groups = new[] { "eu" }, filterExpr = "region = 'EU' -- and more" } },
            allowPolicyItems = new[] { new { users = new[] { "a" }, accesses = new[] { "SELECT" } } },
        }, HttpStatusCode.BadRequest);
        var fields = problem.ErrorFields();
        Assert.Contains("resources[0].columns", fields);
        Assert.Contains("rowFilterPolicyItems[0].filterExpr", fields);
        Assert.Contains("allowPolicyItems", fields);
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored_AndServerSetFieldsInTheBodyHaveNoEffect()
    {
        var name = Identities.Unique("mass");
        var created = await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name,
            id = 999999,
            version = 42,
            createdBy = "mallory",
            domain = "someone-elses",
            colour = "blue",
            resources = new[] { new { databases = new[] { "spark_catalog.x" }, databaseInclusionType = "EXCLUDE" } },
            allowPolicyItems = new[] { new { users = new[] { "bob" }, accesses = new[] { "select" } } },
        }, HttpStatusCode.Created);
        Assert.NotEqual(999999, created.Id());
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal("admin", created.Str("createdBy"));
        Assert.False(created.TryGetProperty("domain", out _));
        Assert.Equal("EXCLUDE", created.GetProperty("resources")[0].Str("databasesInclusionType"));
        Assert.Equal("SELECT", created.GetProperty("allowPolicyItems")[0].GetProperty("accesses")[0].GetString());
    }

    [Fact]
    public async Task DuplicateName_Returns409_AndStaleVersion_Returns409()
    {
        var name = Identities.Unique("dup");
        var created = await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(name), HttpStatusCode.Created);
        await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(name), HttpStatusCode.Conflict);
        // Names are unique per service: a mask policy of the same name collides too.
        await Admin.PostJsonAsync($"{Base}/mask/policy", DataSecurityClients.MaskPolicy(name), HttpStatusCode.Conflict);

        var path = $"{Base}/access/policy/{created.Id()}";
        await Admin.PutJsonAsync(path, new
        {
            name, version = 1,
            resources = new[] { new { databases = new[] { "spark_catalog.a" } } },
        }, HttpStatusCode.OK);
        var stale = await Admin.PutJsonAsync(path, new
        {
            name, version = 1,
            resources = new[] { new { databases = new[] { "spark_catalog.b" } } },
        }, HttpStatusCode.Conflict);
        Assert.Equal("CONFLICT", stale.Str("errorCode"));
        var current = await Admin.GetJsonAsync(path);
        Assert.Equal("spark_catalog.a", current.GetProperty("resources")[0].GetProperty("databases")[0].GetString());

        var other = await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(Identities.Unique("other")), HttpStatusCode.Created);
        await Admin.PutJsonAsync($"{Base}/access/policy/{other.Id()}", DataSecurityClients.AccessPolicy(name), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UnknownIdAndKind_Return404()
    {
        await Admin.GetJsonAsync($"{Base}/access/policy/987654321", HttpStatusCode.NotFound);
        await Admin.GetJsonAsync($"{Base}/access/policy/not-a-number", HttpStatusCode.NotFound);
        await Admin.GetJsonAsync($"{Base}/audit-ish/policy", HttpStatusCode.NotFound);
        await Admin.DeleteAsync($"{Base}/mask/policy/987654321", HttpStatusCode.NotFound);
    }
}
