using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Testing;

namespace Iomete.Integration.Tests.Walks;

public sealed class AnonymousCallerTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task EveryFunction_RefusesAnAnonymousCaller_ExceptTheAllowList()
    {
        using var client = fixture.Platform.Anonymous();
        var checkedCount = 0;
        foreach (var (function, method, url) in RouteSample.All())
        {
            if (RouteSample.AnonymousAllowList.Contains(function.Name))
            {
                continue;
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "GET" or "DELETE" or "HEAD" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized,
                $"{function.Name}: {method} {url} answered {(int)response.StatusCode} to an anonymous caller");
            if (method != "HEAD")
            {
                await AssertUnauthorizedBody(url, response);
            }
            checkedCount++;
        }
        Assert.True(checkedCount > 20, $"only {checkedCount} functions were walked");
    }

    /// <summary>The Iceberg REST catalog (/catalogs/) answers with the spec's IcebergErrorResponse; everything else with problem+json.</summary>
    private static async Task AssertUnauthorizedBody(string url, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (ProtocolErrors.Shape(url, response.Content.Headers.ContentType?.MediaType, text) is { } protocol)
        {
            Assert.True(protocol.Length == 0, $"{url}: {protocol}");
            return;
        }
        using var body = JsonDocument.Parse(text);
        if (url.StartsWith("/catalogs/", StringComparison.Ordinal))
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var error = body.RootElement.GetProperty("error");
            Assert.Equal("NotAuthorizedException", error.GetProperty("type").GetString());
            Assert.Equal(401, error.GetProperty("code").GetInt32());
            return;
        }
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UNAUTHORIZED", body.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public void TheAnonymousAllowList_IsExactlyTheFunctionsMarkedAnonymous()
    {
        var catalog = (Platform.Functions.FunctionCatalog)fixture.Platform.Services.GetService(typeof(Platform.Functions.FunctionCatalog))!;
        var marked = catalog.Functions.Where(f => f.AllowsAnonymous).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(RouteSample.AnonymousAllowList.OrderBy(n => n, StringComparer.Ordinal), marked);
    }

    [Fact]
    public async Task AnInvalidToken_IsRefusedLikeNoToken()
    {
        using var bearer = fixture.Platform.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        using var apiToken = fixture.Platform.WithApiToken("iom_not-a-token");
        foreach (var client in new[] { bearer, apiToken })
        {
            using var response = await client.GetAsync(new Uri("/api/v1/user", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
