using System.Net;
using Iomete.Functions.Catalog.Annotations;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Catalog.Tests.CatalogFixture;

namespace Iomete.Functions.Catalog.Tests.Classifications;

/// <summary>The catalog's stores on PostgreSQL: annotations, favorites, tags and the request workflow through the API.</summary>
public sealed class PostgresCatalogTests(PostgresCatalogFixture fixture) : IClassFixture<PostgresCatalogFixture>
{
    private const string Requests = "/api/v1/domains/default/governance/classification-requests";
    private const string Reviews = "/api/v1/admin/governance/classification-requests";

    [Fact]
    public async Task AnnotationsFavoritesAndClassifications_WorkOnPostgres()
    {
        if (!fixture.Started)
        {
            return;
        }
        await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/orders/owners", new { owners = new[] { "ed" } });
        await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/orders/documentation", new { description = "doc" });
        await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/orders/columns/id/description", new { description = "key" });

        var favorite = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/domains/default/data-catalog/favorites",
            new { catalog = "spark_catalog", database = "cat", table = "orders" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/domains/default/data-catalog/favorites",
            new { catalog = "spark_catalog", database = "cat", table = "orders" });
        Assert.Equal(1, (await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/data-catalog/favorites")).GetProperty("total").GetInt64());

        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/governance/classification-tags", new { name = "PII" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/v1/admin/governance/classification-tags", new { name = "pii" });
        var request = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Requests, new
        {
            requestType = "ADD", tagName = "PII", catalogName = "spark_catalog", schemaName = "cat", tableName = "orders", columnName = "note",
        });
        await fixture.Ana.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Requests, new
        {
            requestType = "ADD", tagName = "PII", catalogName = "spark_catalog", schemaName = "cat", tableName = "orders", columnName = "note",
        });
        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Reviews}?status=IN_REVIEW&search=orders&sort=-createdAt");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.Str("id") == request.Str("id"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Reviews}/{request.Str("id")}/review", new { status = "APPROVED" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Reviews}/{request.Str("id")}/review", new { status = "APPROVED" });

        var annotations = await fixture.Platform.Services.GetRequiredService<ITableAnnotationSource>()
            .GetAsync(new TableKey("spark_catalog", "cat", "orders"), CancellationToken.None);
        Assert.Equal("doc", annotations!.Description);
        Assert.Equal(["ed"], annotations.Owners);
        Assert.Equal("key", annotations.Columns["id"].Description);
        Assert.Equal(["PII"], annotations.Columns["note"].Tags);
        await fixture.Ana.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/domains/default/data-catalog/favorites/{favorite.Str("id")}");
    }
}
