using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Config;

public sealed class ConfigTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private static readonly string[] Served =
    [
        "GET /v1/{prefix}/namespaces",
        "POST /v1/{prefix}/namespaces",
        "GET /v1/{prefix}/namespaces/{namespace}",
        "HEAD /v1/{prefix}/namespaces/{namespace}",
        "DELETE /v1/{prefix}/namespaces/{namespace}",
        "POST /v1/{prefix}/namespaces/{namespace}/properties",
        "GET /v1/{prefix}/namespaces/{namespace}/tables",
        "POST /v1/{prefix}/namespaces/{namespace}/tables",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "HEAD /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "POST /v1/{prefix}/namespaces/{namespace}/register",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/metrics",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}/credentials",
        "POST /v1/{prefix}/tables/rename",
        "POST /v1/{prefix}/transactions/commit",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{plan-id}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{plan-id}",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/tasks",
        "GET /v1/{prefix}/namespaces/{namespace}/views",
        "POST /v1/{prefix}/namespaces/{namespace}/views",
        "GET /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "POST /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "HEAD /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "POST /v1/{prefix}/views/rename",
        "POST /v1/{prefix}/namespaces/{namespace}/register-view",
    ];

    /// <summary>A body each POST accepts, so that the probe reaches the missing namespace or view.</summary>
    private static string ProbeBody(string path, string missingNs) => path switch
    {
        _ when path.EndsWith("/views", StringComparison.Ordinal) => Views.ViewTestData.CreateBody(missingNs, "probe"),
        _ when path.EndsWith("/views/{view}", StringComparison.Ordinal) => Views.ViewTestData.Commit(null, Views.ViewTestData.SetProperties("k", "v")),
        _ when path.EndsWith("/views/rename", StringComparison.Ordinal) => Views.ViewTestData.RenameBody(missingNs, "probe", missingNs, "other"),
        _ when path.EndsWith("/register-view", StringComparison.Ordinal) => """{"name":"probe","metadata-location":"s3://nowhere/m.json"}""",
        _ when path.EndsWith("/tables", StringComparison.Ordinal) =>
            $$"""{"name":"probe","schema":{{Views.ViewTestData.Schema}}}""",
        _ when path.EndsWith("/tables/{table}", StringComparison.Ordinal) => """{"requirements":[],"updates":[]}""",
        _ when path.EndsWith("/register", StringComparison.Ordinal) => """{"name":"probe","metadata-location":"s3://nowhere/m.json"}""",
        _ when path.EndsWith("/tables/rename", StringComparison.Ordinal) => Views.ViewTestData.RenameBody(missingNs, "probe", missingNs, "other"),
        _ when path.EndsWith("/transactions/commit", StringComparison.Ordinal) =>
            $$"""{"table-changes":[{"identifier":{"namespace":["{{missingNs}}"],"name":"probe"},"requirements":[],"updates":[]}]}""",
        _ when path.EndsWith("/plan", StringComparison.Ordinal) => "{}",
        _ when path.EndsWith("/tasks", StringComparison.Ordinal) => """{"plan-task":"probe"}""",
        _ when path.EndsWith("/metrics", StringComparison.Ordinal) =>
            """{"report-type":"commit-report","table-name":"probe","snapshot-id":1,"sequence-number":1,"operation":"append","metrics":{}}""",
        _ => "{\"namespace\":[\"probe_" + Guid.NewGuid().ToString("N")[..6] + "\"]}",
    };

    [Fact]
    public async Task Config_AdvertisesThePrefixAndExactlyTheServedEndpoints()
    {
        var config = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/config?warehouse={IcebergFixture.Catalog}");
        Assert.Empty(config.GetProperty("defaults").EnumerateObject());
        Assert.Equal(IcebergFixture.Catalog, config.GetProperty("overrides").GetProperty("prefix").GetString());
        Assert.Equal(Served.Order(), config.GetProperty("endpoints").Strings().Order());
        Assert.True(config.TryGetProperty("idempotency-key-lifetime", out _));
    }

    [Fact]
    public async Task Config_WithoutWarehouse_AnswersForTheCatalogInThePath()
    {
        var config = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/config");
        Assert.Equal(IcebergFixture.Catalog, config.GetProperty("overrides").GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task Config_ForAnotherWarehouse_Returns404NoSuchWarehouse()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/config?warehouse=other");
    }

    [Fact]
    public async Task EveryAdvertisedEndpoint_IsServedUnderTheCatalogUri()
    {
        var missingLevel = Unique("missing");
        var missing = Ns(missingLevel);
        foreach (var endpoint in Served)
        {
            var parts = endpoint.Split(' ');
            var url = $"/catalogs/{IcebergFixture.Catalog}" + parts[1].Replace("{prefix}", IcebergFixture.Catalog).Replace("{namespace}", missing).Replace("{view}", "probe").Replace("{table}", "probe").Replace("{plan-id}", "probe");
            var method = new HttpMethod(parts[0]);
            using var request = new HttpRequestMessage(method, url)
            {
                Content = method == HttpMethod.Post ? new StringContent(ProbeBody(parts[1], missingLevel), System.Text.Encoding.UTF8, "application/json") : null,
            };
            using var response = await fixture.Admin.SendAsync(request);
            // A 400 comes from the handler (it validated the probe body), so the route is served; a routing miss is a 404 NotFoundException.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{endpoint}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.NotFound && method != HttpMethod.Head)
            {
                var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                Assert.Contains(error.GetProperty("type").GetString(), new[] { "NoSuchNamespaceException", "NoSuchTableException", "NoSuchViewException", "NoSuchPlanIdException", "NoSuchPlanTaskException" });
            }
        }
    }
}
