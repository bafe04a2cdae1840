using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Annotations;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Catalog.Tests.CatalogFixture;

namespace Iomete.Functions.Catalog.Tests.Tables;

public sealed class TableDetailsTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task Details_OfTableMadeBySql_ShowTheCurrentSnapshotsStatistics()
    {
        var details = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders");
        Assert.Equal("orders", details.Str("name"));
        Assert.Equal("spark_catalog.cat.orders", details.Str("fullName"));
        Assert.Equal("TABLE", details.Str("type"));
        Assert.Equal("iceberg", details.Str("provider"));
        Assert.True(Guid.TryParse(details.Str("id"), out _));
        Assert.Equal("SELECT * FROM spark_catalog.cat.orders LIMIT 100", details.Str("selectSnippet"));
        var stats = details.GetProperty("statistics");
        Assert.Equal(5, stats.GetProperty("rows").GetInt64());
        Assert.Equal(2, stats.GetProperty("dataFiles").GetInt64());
        Assert.Equal(3, stats.GetProperty("columns").GetInt32());
        Assert.True(stats.GetProperty("sizeInBytes").GetInt64() > 0);
        Assert.Equal(0, details.GetProperty("pendingClassificationRequests").GetInt32());
        Assert.NotEmpty(details.Str("location"));
    }

    [Fact]
    public async Task Details_OfView_SayView_WithItsSql()
    {
        var details = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/big_orders");
        Assert.Equal("VIEW", details.Str("type"));
        Assert.Contains("cost > 25", details.Str("viewText"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTable_Is404_AndNoDomainPermission_Is403()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{TablesUrl}/nope");
        await fixture.Nobody.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"{TablesUrl}/orders");
        await fixture.Platform.Anonymous().ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"{TablesUrl}/orders");
    }

    [Fact]
    public async Task Analyst_IsRefusedADeniedTable_AndDoesNotSeeDeniedColumns()
    {
        var (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, $"{TablesUrl}/secret");
        response.Dispose();
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)status} {text}");

        var columns = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/columns");
        var names = columns.GetProperty("items").EnumerateArray().Select(c => c.Str("name")).ToList();
        Assert.Equal(["id", "note"], names);
        var details = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders");
        Assert.Equal(2, details.GetProperty("statistics").GetProperty("columns").GetInt32());
        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/columns");
        Assert.Equal(3, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Edits_NeedManageDataCatalog_CheckedBeforeTheBody()
    {
        // An invalid body still answers 403 for a reader: the permission is checked first.
        await fixture.Ana.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{TablesUrl}/orders/owners", new { owners = "not-a-list" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{TablesUrl}/orders/documentation", new { description = "x" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{TablesUrl}/orders/columns/id/description", new { description = "x" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"{TablesUrl}/orders/snapshots/refs", new { name = "b", type = "BRANCH" });
    }

    [Fact]
    public async Task Edits_ValidateTheirBodies()
    {
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{TablesUrl}/orders/owners", new { });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{TablesUrl}/orders/owners", new { owners = new[] { "" } });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{TablesUrl}/orders/owners",
            new { owners = Enumerable.Range(0, 21).Select(i => $"u{i}").ToArray() });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{TablesUrl}/orders/documentation", new { description = new string('x', 65_537) });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{TablesUrl}/orders/documentation", "{not json");
        await fixture.Ed.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{TablesUrl}/orders/columns/nope/description", new { description = "x" });
        await fixture.Ed.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{TablesUrl}/nope/documentation", new { description = "x" });
    }

    [Fact]
    public async Task OwnersDocumentationAndColumnDescriptions_AreShown_Published_AndReadByTheAnnotationSource()
    {
        var owners = await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/events/owners", new { owners = new[] { "ed", "ana", "ed" } });
        Assert.Equal(["ed", "ana"], owners.GetProperty("owners").EnumerateArray().Select(o => o.GetString()!).ToArray());
        const string markdown = "# Events\n\nOne row per **event**.";
        await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/events/documentation", new { description = markdown });
        var column = await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/events/columns/region/description",
            new { description = "Where it happened" });
        Assert.Equal("Where it happened", column.Str("description"));
        Assert.True(column.GetProperty("isPartitionKey").GetBoolean());

        var details = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events");
        Assert.Equal(markdown, details.Str("description"));
        var columns = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events/columns");
        Assert.Equal("Where it happened", columns.GetProperty("items").EnumerateArray().Single(c => c.Str("name") == "region").Str("description"));

        var source = fixture.Platform.Services.GetRequiredService<ITableAnnotationSource>();
        var annotations = await source.GetAsync(new TableKey("spark_catalog", "cat", "events"), CancellationToken.None);
        Assert.NotNull(annotations);
        Assert.Equal(markdown, annotations.Description);
        Assert.Equal(["ed", "ana"], annotations.Owners);
        Assert.Equal("Where it happened", annotations.Columns["region"].Description);
        var listed = new List<TableAnnotations>();
        await foreach (var a in source.ListAllAsync(CancellationToken.None))
        {
            listed.Add(a);
        }
        Assert.Contains(listed, a => a.Table.Table == "events");

        var published = fixture.Events.CatalogEntries.Where(e => e.Table == "events").Select(e => e.What).ToList();
        Assert.Contains("OWNERS", published);
        Assert.Contains("DOCUMENTATION", published);
        Assert.Contains("COLUMN_DESCRIPTION", published);

        // Clearing the documentation removes it.
        await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/events/documentation", new { description = (string?)null });
        var cleared = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events");
        Assert.True(!cleared.TryGetProperty("description", out var text) || text.ValueKind == JsonValueKind.Null, cleared.GetRawText());
    }

    [Fact]
    public async Task Properties_AndPartitions_ComeFromTheTable()
    {
        var properties = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/properties");
        Assert.Equal(JsonValueKind.Object, properties.GetProperty("properties").ValueKind);

        var partitions = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events/partitions");
        Assert.Equal("region", partitions.GetProperty("fields")[0].Str("sourceColumn"));
        var items = partitions.GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("values").GetProperty("region").GetString()!, p => p.GetProperty("rows").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["eu"] = 2, ["us"] = 1 }, items);
        Assert.All(partitions.GetProperty("items").EnumerateArray(), p => Assert.True(p.GetProperty("files").GetInt64() >= 1 && p.GetProperty("sizeInBytes").GetInt64() > 0));

        var unpartitioned = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/partitions");
        Assert.Equal(2, unpartitioned.GetProperty("items")[0].GetProperty("files").GetInt64());
    }
}
