using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tests.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Catalog.Tests.Index;

/// <summary>A platform whose index is fed only by real changes: SQL through the SQL service, commits through the Iceberg REST catalog.</summary>
public sealed class LakehouseFixture : IAsyncLifetime
{
    public const string Password = "Analyst-pass-123";
    public const string SearchUrl = "/api/v1/domains/default/data-catalog/search";
    private const string QueriesUrl = "/api/v1/domains/default/sql/queries";

    public InMemoryAnnotations Annotations { get; } = new();

    public LocalPlatform Platform { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync(
            new Dictionary<string, string?> { ["Iomete:Catalog:SyncInterval"] = "00:00:00" },
            builder => builder.Services.AddSingleton<ITableAnnotationSource>(Annotations));
        Admin = await Platform.LoginAsync();
    }

    public async Task SqlAsync(string sql)
    {
        var query = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog" });
        Assert.True(query.Str("status") == "COMPLETED", $"{sql}: {query.GetRawText()}");
    }

    /// <summary>Searches until <paramref name="done"/> holds for the page (events are applied asynchronously), at most 20 s.</summary>
    public async Task<JsonElement> SearchUntilAsync(string query, Func<JsonElement[], bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SearchUrl}?{query}");
            var items = page.GetProperty("items").EnumerateArray().ToArray();
            if (done(items))
            {
                return page;
            }
            Assert.True(DateTime.UtcNow < deadline, $"search {query} never satisfied the condition; last page: {page.GetRawText()}");
            await Task.Delay(100);
        }
    }

    public static JsonElement? Named(JsonElement[] items, string name) =>
        items.Cast<JsonElement?>().FirstOrDefault(i => i!.Value.Str("name") == name);

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
    }
}
