using System.Net;
using System.Net.Http.Headers;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Errors;

public sealed class IcebergErrorShapeTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    [Fact]
    public async Task AnonymousCaller_Gets401NotAuthorized_InTheIcebergShape()
    {
        using var anonymous = fixture.Platform.Anonymous();
        using var response = await anonymous.GetAsync(new Uri(NsRoot(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "NotAuthorizedException", HttpMethod.Get, NsRoot());
        await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "NotAuthorizedException", HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/config");
    }

    [Fact]
    public async Task AnInvalidBearerToken_Gets401NotAuthorized()
    {
        using var client = fixture.WithBearer("not-a-token");
        await client.ExpectErrorAsync(HttpStatusCode.Unauthorized, "NotAuthorizedException", HttpMethod.Post, NsRoot(), new { @namespace = new[] { "x" } });
    }

    [Fact]
    public async Task TheErrorBody_HasOnlyTheErrorMember()
    {
        var (_, body) = await fixture.Admin.SendJsonAsync(HttpMethod.Get, $"{NsRoot()}/{Ns(Unique("missing"))}");
        Assert.Equal(["error"], body!.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(body.RootElement.GetProperty("error").EnumerateObject(), p => Assert.Contains(p.Name, new[] { "message", "type", "code", "stack" }));
    }

    [Fact]
    public async Task AnUnknownCatalog_Gets404NoSuchWarehouse()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, "/catalogs/no_such_catalog/v1/config");
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, NsRoot("no_such_catalog"));
    }

    [Fact]
    public async Task APrefixNamingAnotherCatalog_Gets404NoSuchWarehouse()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/other/namespaces");
    }

    [Fact]
    public async Task AnUnmatchedRouteUnderCatalogs_Gets404InTheIcebergShape()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NotFoundException", HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/no-such-resource");
    }

    [Fact]
    public async Task AnUnservedMethodUnderCatalogs_Gets405InTheIcebergShape()
    {
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.MethodNotAllowed, "UnsupportedOperationException", HttpMethod.Put, NsRoot(), new { });
    }

    [Fact]
    public async Task RoutesOutsideCatalogs_KeepProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        using var response = await anonymous.GetAsync(new Uri("/api/v1/admin/catalogs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongContentType_Gets415BadRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, NsRoot()) { Content = new StringContent("<xml/>") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await fixture.Admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadRequestException", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(415, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AUserWithoutACatalogRole_MayRead_ButNotWrite()
    {
        var name = Unique("ns");
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        using var user = await fixture.UserAsync("reader");

        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot());
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(name)}");
        using var head = await user.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{NsRoot()}/{Ns(name)}"));
        Assert.Equal(HttpStatusCode.NoContent, head.StatusCode);

        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, NsRoot(), new { @namespace = new[] { Unique("ns") } });
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties", new { updates = new Dictionary<string, string> { ["a"] = "1" } });
        await user.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Delete, $"{NsRoot()}/{Ns(name)}");
    }

    [Fact]
    public async Task ASparkCatalogManager_MayCreateAndDropNamespaces()
    {
        using var manager = await fixture.UserAsync("catalog-manager", "SPARK_CATALOG_MANAGER");
        var name = Unique("ns");
        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties", new { updates = new Dictionary<string, string> { ["a"] = "1" } });
        await manager.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(name)}");
    }
}
