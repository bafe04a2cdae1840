using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

/// <summary>Users with admin roles and small policy bodies for the data-security tests.</summary>
internal static class DataSecurityClients
{
    public const string Base = "/api/v1/admin/data-security";

    public static async Task<(string Id, string Username, HttpClient Client)> UserWithRolesAsync(this RasPlatformFixture fixture, string prefix,
        params string[] roles)
    {
        var user = await fixture.UserAsync(prefix);
        if (roles.Length > 0)
        {
            await fixture.Admin.PutJsonAsync($"/api/v1/admin/identity/users/{user.Id}/roles", new { roles }, HttpStatusCode.OK);
        }
        return user;
    }

    public static object AccessPolicy(string name, string database = "spark_catalog.sales", string user = "alice", params string[] accesses) => new
    {
        name,
        description = "test policy",
        resources = new[] { new { databases = new[] { database }, tables = new[] { "*" }, columns = new[] { "*" } } },
        allowPolicyItems = new[] { new { users = new[] { user }, accesses = accesses.Length > 0 ? accesses : ["SELECT"] } },
    };

    public static object MaskPolicy(string name, string type = "MASK_SHOW_LAST_4", string? expr = null) => new
    {
        name,
        resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "customers" }, columns = new[] { "phone" } } },
        dataMaskPolicyItems = new[] { new { groups = new[] { "analysts" }, dataMaskType = type, dataMaskCustomExpr = expr } },
    };

    public static object FilterPolicy(string name, string filter = "region = 'EU'") => new
    {
        name,
        resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "orders" } } },
        rowFilterPolicyItems = new[] { new { groups = new[] { "eu-team" }, filterExpr = filter } },
    };

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    public static IReadOnlyList<string> Names(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(p => p.Str("name")).ToList();

    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}
