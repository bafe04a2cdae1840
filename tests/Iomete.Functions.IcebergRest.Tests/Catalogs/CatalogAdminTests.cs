using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Catalogs;

public sealed class CatalogAdminTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private const string Admin = "/api/v1/admin/catalogs";

    [Fact]
    public async Task TheDefaultCatalog_ExistsWithItsWarehouseUnderTheObjectStoreRoot()
    {
        var root = fixture.Platform.Services.GetRequiredService<IObjectStore>().RootUri.TrimEnd('/');
        var catalog = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Admin}/{IcebergFixture.Catalog}");
        Assert.Equal(root + "/spark_catalog", catalog.GetProperty("warehouse").GetString());
        Assert.True(catalog.GetProperty("isDefault").GetBoolean());
        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Admin);
        Assert.Contains(IcebergFixture.Catalog, all.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ACreatedCatalog_ServesItsOwnNamespaces_AndCanBeDeletedOnceEmpty()
    {
        var name = Unique("cat");
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Admin, new { name, properties = new Dictionary<string, string> { ["k"] = "v" } });
        Assert.EndsWith("/" + name, created.GetProperty("warehouse").GetString());
        Assert.Equal("ICEBERG_REST", created.GetProperty("type").GetString());

        var config = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{name}/v1/config?warehouse={name}");
        Assert.Equal(name, config.GetProperty("overrides").GetProperty("prefix").GetString());
        var ns = Unique("ns");
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(name), new { @namespace = new[] { ns } });
        Assert.Equal([ns], (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot(name))).NamespaceList());
        Assert.DoesNotContain(ns, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot())).NamespaceList());

        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"{Admin}/{name}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot(name)}/{Ns(ns)}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Admin}/{name}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Admin}/{name}");
        await fixture.Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchWarehouseException", HttpMethod.Get, NsRoot(name));
    }

    [Fact]
    public async Task CreateCatalog_WithAnExplicitWarehouse_KeepsIt()
    {
        var name = Unique("cat");
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Admin, new { name, warehouse = "s3://lake/warehouse/" });
        Assert.Equal("s3://lake/warehouse", created.GetProperty("warehouse").GetString());
    }

    [Fact]
    public async Task CreateCatalog_Twice_Returns409()
    {
        var name = Unique("cat");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Admin, new { name });
        var error = await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Admin, new { name });
        Assert.Equal("CONFLICT", error.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("""{"name":"Upper"}""")]
    [InlineData("""{"name":"with-dash"}""")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"name":"ok_name","warehouse":"relative/path"}""")]
    public async Task CreateCatalog_WithAnInvalidBody_Returns400(string body)
    {
        var error = await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Admin, body);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task TheDefaultCatalog_CannotBeDeleted()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"{Admin}/{IcebergFixture.Catalog}");
    }

    [Fact]
    public async Task AnUnknownCatalog_Returns404OnGetAndDelete()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Admin}/no_such_catalog");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Admin}/no_such_catalog");
    }

    [Fact]
    public async Task CatalogAdministration_NeedsTheSparkCatalogManagerRole()
    {
        using var user = await fixture.UserAsync("plain");
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Admin);
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Admin, new { name = Unique("cat") });
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"{Admin}/{IcebergFixture.Catalog}");

        using var manager = await fixture.UserAsync("manager", "SPARK_CATALOG_MANAGER");
        var name = Unique("cat");
        await manager.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Admin, new { name });
        await manager.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Admin}/{name}");
        using var readOnly = await fixture.UserAsync("readonly", "READ_ONLY_ADMIN");
        await readOnly.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Admin}/{IcebergFixture.Catalog}");
    }
}
