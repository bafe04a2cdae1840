using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Tests.Tables;

namespace Iomete.Functions.Catalog.Tests;

/// <summary>
/// One embedded platform with a <c>cat</c> database made by SQL: <c>orders</c> (two inserts: five rows, two data files),
/// <c>events</c> partitioned by region, <c>secret</c> (denied to ana), the view <c>big_orders</c>, and <c>people</c> for the
/// classification walk-through. ana reads the catalog (VIEW_DATA_CATALOG) under a mask on <c>orders.note</c> and a deny on
/// <c>orders.cost</c>; ed also manages it (MANAGE_DATA_CATALOG); nobody has no permission in the domain.
/// </summary>
public class CatalogFixture : IAsyncLifetime
{
    public const string Password = "Catalog-pass-123";
    public const string QueriesUrl = "/api/v1/domains/default/sql/queries";
    public const string TablesUrl = "/api/v1/domains/default/data-catalog/catalogs/spark_catalog/databases/cat/tables";

    public LocalPlatform Platform { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Ana { get; private set; } = null!;
    public HttpClient Ed { get; private set; } = null!;
    public HttpClient Nobody { get; private set; } = null!;
    public RecordingEventBus Events => (RecordingEventBus)Platform.Services.GetService(typeof(RecordingEventBus))!;

    public string AnaId { get; private set; } = "";

    /// <summary>False when the metadata database this fixture needs is missing here (tests then return early).</summary>
    public bool Started { get; private set; }

    /// <summary>Extra platform settings (a PostgreSQL metadata DB); null to skip the tests.</summary>
    protected virtual Task<IDictionary<string, string?>?> SettingsAsync() => Task.FromResult<IDictionary<string, string?>?>(new Dictionary<string, string?>());

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        Platform = await LocalPlatform.StartAsync(settings, b => RecordingEventBus.Install(b.Services));
        Started = true;
        Admin = await Platform.LoginAsync();
        AnaId = await UserAsync("ana", ["VIEW_DATA_CATALOG"]);
        await UserAsync("ed", ["VIEW_DATA_CATALOG", "MANAGE_DATA_CATALOG"]);
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username = "nobody", email = "nobody@example.com", password = Password });
        Ana = await Platform.LoginAsync("ana", Password);
        Ed = await Platform.LoginAsync("ed", Password);
        Nobody = await Platform.LoginAsync("nobody", Password);

        await SqlAsync(Admin, "CREATE DATABASE cat");
        await SqlAsync(Admin, "CREATE TABLE cat.orders (id INT, note STRING, cost INT)");
        await SqlAsync(Admin, "INSERT INTO cat.orders VALUES (1, 'first', 10), (2, 'second', 20), (3, 'third', 30)");
        await SqlAsync(Admin, "INSERT INTO cat.orders VALUES (4, 'fourth', 40), (5, 'fifth', 50)");
        await SqlAsync(Admin, "CREATE TABLE cat.events (id INT, region STRING) PARTITIONED BY (region)");
        await SqlAsync(Admin, "INSERT INTO cat.events VALUES (1, 'eu'), (2, 'eu'), (3, 'us')");
        await SqlAsync(Admin, "CREATE TABLE cat.secret AS SELECT 1 AS id");
        await SqlAsync(Admin, "CREATE VIEW cat.big_orders AS SELECT * FROM cat.orders WHERE cost > 25");
        await SqlAsync(Admin, "CREATE TABLE cat.people (id INT, email STRING)");
        await SqlAsync(Admin, "INSERT INTO cat.people VALUES (1, 'ann@corp.eu')");

        const string database = "spark_catalog.cat";
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/mask/policy", new
        {
            name = "mask-order-note",
            resources = new[] { new { databases = new[] { database }, tables = new[] { "orders" }, columns = new[] { "note" } } },
            dataMaskPolicyItems = new[] { new { users = new[] { "ana" }, dataMaskType = "MASK_HASH" } },
        });
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "no-cost-no-secret-for-ana",
            resources = new object[]
            {
                new { databases = new[] { database }, tables = new[] { "orders" }, columns = new[] { "cost" } },
                new { databases = new[] { database }, tables = new[] { "secret" }, columns = new[] { "*" } },
            },
            denyPolicyItems = new[] { new { users = new[] { "ana" }, accesses = new[] { "ALL" } } },
        });
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "ed-alters-cat",
            resources = new[] { new { databases = new[] { database }, tables = new[] { "*" }, columns = new[] { "*" } } },
            allowPolicyItems = new[] { new { users = new[] { "ed" }, accesses = new[] { "SELECT", "ALTER" } } },
        });
    }

    private async Task<string> UserAsync(string name, string[] permissions)
    {
        var user = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username = name, email = $"{name}@example.com", password = Password });
        var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/domains/default")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = name, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = permissions } });
        return user.Str("id");
    }

    public static async Task<JsonElement> SqlAsync(HttpClient client, string sql)
    {
        var query = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog", database = "cat" });
        Assert.True(query.Str("status") == "COMPLETED", $"{sql}: {query.GetRawText()}");
        return query;
    }

    /// <summary>The rows as text lines, values joined by '|'.</summary>
    public static async Task<List<string>> RowsAsync(HttpClient client, string sql)
    {
        var query = await SqlAsync(client, sql);
        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results?limit=1000");
        return page.GetProperty("rows").EnumerateArray()
            .Select(r => string.Join('|', r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "null" : v.ToString())))
            .ToList();
    }

    public async Task DisposeAsync()
    {
        if (!Started)
        {
            return;
        }
        Ana.Dispose();
        Ed.Dispose();
        Nobody.Dispose();
        Admin.Dispose();
        await Platform.DisposeAsync();
    }
}

/// <summary>The same catalog with the metadata databases on a real PostgreSQL server.</summary>
public sealed class PostgresCatalogFixture : CatalogFixture
{
    protected override async Task<IDictionary<string, string?>?> SettingsAsync()
    {
        if (PostgresServer.MissingReason() is { } reason && !Requires.InCi)
        {
            System.Console.WriteLine($"Skipping the PostgreSQL catalog tests: {reason}");
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
