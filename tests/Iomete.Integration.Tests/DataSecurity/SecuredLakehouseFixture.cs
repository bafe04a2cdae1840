using System.Net;
using System.Text.Json;
using Iomete.Testing;
using Iomete.Testing.Http;

namespace Iomete.Integration.Tests.DataSecurity;

/// <summary>
/// One embedded platform with a <c>sec</c> database: <c>customers</c> under a row filter (EU only), three masks
/// (ssn shows its last 4, name is hashed, email is CUSTOM) and a denied column (salary) for the analyst <c>ana</c>,
/// and <c>payroll</c> denied to her entirely. Admin-made; ana logs in with a password.
/// </summary>
public sealed class SecuredLakehouseFixture : IAsyncLifetime
{
    public const string Password = "Analyst-pass-123";
    public const string QueriesUrl = "/api/v1/domains/default/sql/queries";

    public LocalPlatform Platform { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Ana { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Sql:AuditExportInterval"] = "00:00:01",
            ["Iomete:Sql:AuditExportLag"] = "00:00:00",
        });
        Admin = await Platform.LoginAsync();
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username = "ana", email = "ana@example.com", password = Password });
        var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/domains/default")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = "ana", actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_DATA_CATALOG", "EXPORT_SQL_EDITOR"] } });
        Ana = await Platform.LoginAsync("ana", Password);

        await SqlAsync(Admin, "CREATE DATABASE sec");
        await SqlAsync(Admin, "CREATE TABLE sec.customers (id INT, name STRING, ssn STRING, email STRING, region STRING, salary INT)");
        await SqlAsync(Admin, """
            INSERT INTO sec.customers VALUES
              (1, 'ann', '123-45-6789', 'ann@corp.eu', 'eu', 100),
              (2, 'bob', '987-65-4321', 'bob@corp.us', 'us', 200),
              (3, 'cy', '555-12-3456', 'cy@corp.eu', 'eu', 300)
            """);
        await SqlAsync(Admin, "INSERT INTO sec.customers VALUES (4, 'dan', '111-22-3333', 'dan@corp.us', 'us', 400)");
        await SqlAsync(Admin, "CREATE TABLE sec.payroll AS SELECT 1 AS id, 5000 AS amount");
        await SqlAsync(Admin, "CREATE VIEW sec.all_customers AS SELECT * FROM sec.customers");

        const string database = "spark_catalog.sec";
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/filter/policy", new
        {
            name = "customers-eu-only",
            resources = new[] { new { databases = new[] { database }, tables = new[] { "customers" } } },
            rowFilterPolicyItems = new[] { new { users = new[] { "ana" }, filterExpr = "region = 'eu'" } },
        });
        await MaskAsync("mask-ssn", "ssn", "MASK_SHOW_LAST_4", null);
        await MaskAsync("mask-name", "name", "MASK_HASH", null);
        await MaskAsync("mask-email", "email", "CUSTOM", "left({col}, 1) || '***'");
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "no-salary-no-payroll-for-ana",
            resources = new object[]
            {
                new { databases = new[] { database }, tables = new[] { "customers" }, columns = new[] { "salary" } },
                new { databases = new[] { database }, tables = new[] { "payroll" }, columns = new[] { "*" } },
            },
            denyPolicyItems = new[] { new { users = new[] { "ana" }, accesses = new[] { "ALL" } } },
        });
    }

    private Task MaskAsync(string name, string column, string type, string? expr) =>
        Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/mask/policy", new
        {
            name,
            resources = new[] { new { databases = new[] { "spark_catalog.sec" }, tables = new[] { "customers" }, columns = new[] { column } } },
            dataMaskPolicyItems = new[] { new { users = new[] { "ana" }, dataMaskType = type, dataMaskCustomExpr = expr } },
        });

    /// <summary>Runs a statement and waits; returns the finished query (any status).</summary>
    public static Task<JsonElement> SubmitAsync(HttpClient client, string sql) =>
        client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog", database = "sec" });

    public static async Task<JsonElement> SqlAsync(HttpClient client, string sql)
    {
        var query = await SubmitAsync(client, sql);
        Assert.True(query.Str("status") == "COMPLETED", $"{sql}: {query.GetRawText()}");
        return query;
    }

    /// <summary>The rows as text lines, values joined by '|'.</summary>
    public static async Task<List<string>> RowsAsync(HttpClient client, string sql)
    {
        var query = await SqlAsync(client, sql);
        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results?limit=10000");
        return page.GetProperty("rows").EnumerateArray()
            .Select(r => string.Join('|', r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "null" : v.ToString())))
            .ToList();
    }

    /// <summary>A statement the caller may not run: the query fails (not completes) and says why.</summary>
    public static async Task<string> RefusedAsync(HttpClient client, string sql)
    {
        var query = await SubmitAsync(client, sql);
        Assert.True(query.Str("status") == "FAILED", $"{sql} should have been refused: {query.GetRawText()}");
        return query.GetRawText();
    }

    public async Task DisposeAsync()
    {
        Ana.Dispose();
        Admin.Dispose();
        await Platform.DisposeAsync();
    }
}
