using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Catalog.Tests.Search;

/// <summary>
/// One platform whose index is seeded directly with <see cref="SeededCatalog"/> (a few thousand tables), an analyst
/// <c>ana</c> with VIEW_DATA_CATALOG who is denied <c>sales.customer_orders_archive</c> by a deny policy, and <c>nobody</c>
/// without VIEW_DATA_CATALOG. The periodic sync is off, so the seeded entries are never reconciled away.
/// </summary>
public sealed class SeededSearchFixture : IAsyncLifetime
{
    public const string Password = "Analyst-pass-123";
    public const string SearchUrl = "/api/v1/domains/default/data-catalog/search";

    public InMemoryAnnotations Annotations { get; } = new();

    public LocalPlatform Platform { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Ana { get; private set; } = null!;

    public HttpClient Nobody { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync(
            new Dictionary<string, string?> { ["Iomete:Catalog:SyncInterval"] = "00:00:00" },
            builder => builder.Services.AddSingleton<ITableAnnotationSource>(Annotations));
        Admin = await Platform.LoginAsync();
        await SeededCatalog.SeedAsync(Platform.Services.GetRequiredService<CatalogIndexStore>(), Annotations);

        await CreateUserAsync("ana");
        await CreateUserAsync("nobody");
        var bundle = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/domains/default")).Str("bundleId");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = "ana", actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_DATA_CATALOG"] } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = "nobody", actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["EXPORT_SQL_EDITOR"] } });
        await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "no-archive-for-ana",
            resources = new[] { new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "customer_orders_archive" }, columns = new[] { "*" } } },
            denyPolicyItems = new[] { new { users = new[] { "ana" }, accesses = new[] { "ALL" } } },
        });
        Ana = await Platform.LoginAsync("ana", Password);
        Nobody = await Platform.LoginAsync("nobody", Password);
    }

    private Task CreateUserAsync(string username) =>
        Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", password = Password });

    /// <summary>The names of a search page, in order, and the total.</summary>
    public static async Task<(List<string> Names, long Total, JsonElement Page)> SearchAsync(HttpClient client, string query)
    {
        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SearchUrl}?{query}");
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
        return (names, page.GetProperty("total").GetInt64(), page);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Ana.Dispose();
        Nobody.Dispose();
        await Platform.DisposeAsync();
    }
}
