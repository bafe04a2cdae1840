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
    ];

    [Fact]
    public async Task Config_AdvertisesThePrefixAndExactlyTheServedEndpoints()
    {
        var config = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{Catalog}/v1/config?warehouse={Catalog}");
        Assert.Empty(config.GetProperty("defaults").EnumerateObject());
        Assert.Equal(Catalog, config.GetProperty("overrides").GetProperty("prefix").GetString());
        Assert.Equal(Served.Order(), config.GetProperty("endpoints").Strings().Order());
        Assert.False(config.TryGetProperty("idempotency-key-lifetime", out _));
    }

    [Fact]
    public async Task Config_WithoutWarehouse_AnswersForTheCatalogInThePath()
    {
        var config = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{Catalog}/v1/config");
        Assert.Equal(Catalog, config.GetProperty("overrides").GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task Config_ForAnotherWarehouse_Returns404NoSuchWarehouse()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, $"/catalogs/{Catalog}/v1/config?warehouse=other");
    }

    [Fact]
    public async Task EveryAdvertisedEndpoint_IsServedUnderTheCatalogUri()
    {
        var missing = Ns(Unique("missing"));
        foreach (var endpoint in Served)
        {
            var parts = endpoint.Split(' ');
            var url = $"/catalogs/{Catalog}" + parts[1].Replace("{prefix}", Catalog).Replace("{namespace}", missing);
            var method = new HttpMethod(parts[0]);
            using var request = new HttpRequestMessage(method, url)
            {
                Content = method == HttpMethod.Post ? new StringContent("{\"namespace\":[\"probe_" + Guid.NewGuid().ToString("N")[..6] + "\"]}", System.Text.Encoding.UTF8, "application/json") : null,
            };
            using var response = await fixture.Admin.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"{endpoint}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.NotFound && method != HttpMethod.Head)
            {
                var error = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                Assert.Equal("NoSuchNamespaceException", error.GetProperty("type").GetString());
            }
        }
    }
}
