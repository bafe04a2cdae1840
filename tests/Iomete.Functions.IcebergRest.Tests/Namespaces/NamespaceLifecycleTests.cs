using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Namespaces;

/// <summary>The whole catalog and namespace lifecycle, run on each metadata engine (the SQL must be portable).</summary>
public abstract class NamespaceLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : IcebergFixture
{
    [ServiceFact]
    public async Task TheCatalogAndNamespaceLifecycle_WorksOnThisEngine()
    {
        var admin = fixture.Admin;
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/catalogs/{IcebergFixture.Catalog}");
        var catalog = Unique("cat");
        await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/catalogs", new { name = catalog });
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/v1/admin/catalogs", new { name = catalog });

        var root = NsRoot(catalog);
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, root, new { @namespace = new[] { "top" }, properties = new Dictionary<string, string> { ["a"] = "1" } });
        await admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, root, new { @namespace = new[] { "top" } });
        foreach (var child in new[] { "c", "a", "b" })
        {
            await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, root, new { @namespace = new[] { "top", child } });
        }
        var first = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{root}?parent={Ns("top")}&pageToken=&pageSize=2");
        Assert.Equal(["top.a", "top.b"], first.NamespaceList());
        var second = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"{root}?parent={Ns("top")}&pageToken={Uri.EscapeDataString(first.GetProperty("next-page-token").GetString()!)}&pageSize=2");
        Assert.Equal(["top.c"], second.NamespaceList());

        var change = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{root}/{Ns("top")}/properties",
            new { removals = new[] { "a", "x" }, updates = new Dictionary<string, string> { ["b"] = "2" } });
        Assert.Equal(["x"], change.GetProperty("missing").Strings());
        var loaded = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{root}/{Ns("top")}");
        Assert.Equal(["b=2"], loaded.GetProperty("properties").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));

        await admin.ExpectErrorAsync(HttpStatusCode.Conflict, "NamespaceNotEmptyException", HttpMethod.Delete, $"{root}/{Ns("top")}");
        await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/v1/admin/catalogs/{catalog}");
        foreach (var child in new[] { "a", "b", "c" })
        {
            await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{root}/{Ns("top", child)}");
        }
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{root}/{Ns("top")}");
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/catalogs/{catalog}");
    }
}

public sealed class NamespaceLifecycleOnSqliteTests(IcebergFixture fixture)
    : NamespaceLifecycleTests<IcebergFixture>(fixture), IClassFixture<IcebergFixture>;

[NeedsServices(TestService.Postgres)]
public sealed class NamespaceLifecycleOnPostgresTests(PostgresIcebergFixture fixture)
    : NamespaceLifecycleTests<PostgresIcebergFixture>(fixture), IClassFixture<PostgresIcebergFixture>;
