using System.Net;
using Iomete.Functions.Catalog.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Catalog.Tests.Classifications;

public sealed class ResourceTagFeedTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task TheInternalTagRoute_ServesOnlyThePlatform()
    {
        var change = new { catalog = "spark_catalog", database = "cat", table = "people", column = "email", add = new[] { "PII" } };
        await fixture.Admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/internal/v1/identity/data-security/resource-tags/changes", change);
        await fixture.Platform.Anonymous().ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/internal/v1/identity/data-security/resource-tags/changes", change);
        var tags = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/data-security/resource-tags?table=people");
        Assert.DoesNotContain("PII", tags.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedTags_KeepTagsAssignedInDataSecurity()
    {
        // A tag an admin put directly on the column stays when a classification is approved next to it.
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/data-security/resource-tags",
            new { catalog = "spark_catalog", database = "cat", table = "events", column = "region", tags = new[] { "GEO" } });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/governance/classification-tags", new { name = "Location" });
        var request = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/domains/default/governance/classification-requests", new
        {
            requestType = "ADD", tagName = "Location", catalogName = "spark_catalog", schemaName = "cat", tableName = "events", columnName = "region",
        });
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/governance/classification-requests/{request.Str("id")}/review",
            new { status = "APPROVED" });
        var tags = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/data-security/resource-tags?table=events");
        Assert.Contains("GEO", tags.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Location", tags.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnnotationSource_HasNothingForAnUntouchedTable()
    {
        var source = fixture.Platform.Services.GetRequiredService<ITableAnnotationSource>();
        Assert.Null(await source.GetAsync(new TableKey("spark_catalog", "cat", "secret"), CancellationToken.None));
    }
}
