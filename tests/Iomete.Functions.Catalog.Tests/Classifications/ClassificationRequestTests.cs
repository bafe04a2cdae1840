using System.Net;
using System.Text.Json;
using Iomete.Functions.Catalog.Annotations;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.Catalog.Tests.CatalogFixture;

namespace Iomete.Functions.Catalog.Tests.Classifications;

public sealed class ClassificationRequestTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Tags = "/api/v1/admin/governance/classification-tags";
    private const string Admin = "/api/v1/admin/governance/classification-requests";
    private const string Domain = "/api/v1/domains/default/governance/classification-requests";

    private async Task<string> TagAsync(string name)
    {
        var (status, _, response) = await fixture.Admin.SendRawAsync(HttpMethod.Post, Tags, new { name });
        response.Dispose();
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict);
        return (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/name/{name}")).Str("id");
    }

    private static object Request(string type, string tag, string table, string? column = null) => new
    {
        requestType = type, tagName = tag, catalogName = "spark_catalog", schemaName = "cat", tableName = table, columnName = column,
        justification = "because",
    };

    [Fact]
    public async Task ARequest_IsInReview_UntilCancelledByItsRequester()
    {
        await TagAsync("Internal");
        var created = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("ADD", "Internal", "orders"));
        Assert.Equal("IN_REVIEW", created.Str("status"));
        Assert.Equal("ADD", created.Str("requestType"));
        Assert.Equal("Internal", created.Str("classificationTagName"));
        Assert.Equal("spark_catalog.cat.orders", created.Str("recordKey"));
        Assert.Equal(fixture.AnaId, created.Str("requestedByUserId"));
        Assert.Equal("default", created.Str("requestedFromDomainId"));
        var id = created.Str("id");

        await fixture.Ana.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Domain, Request("ADD", "Internal", "orders"));
        var details = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders");
        Assert.True(details.GetProperty("pendingClassificationRequests").GetInt32() >= 1);
        var byTable = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Domain}/catalog/spark_catalog/schema/cat/table/orders");
        Assert.Contains(byTable.GetProperty("items").EnumerateArray(), r => r.Str("id") == id);

        await fixture.Ed.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Domain}/{id}/cancel");
        int Published() => fixture.Events.CatalogEntries.Count(e => e.Table == "orders" && e.What == "CLASSIFICATION");
        var before = Published();
        var cancelled = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Domain}/{id}/cancel");
        Assert.Equal("CANCELLED", cancelled.Str("status"));
        Assert.Equal(before + 1, Published());
        Assert.NotEqual(JsonValueKind.Null, cancelled.GetProperty("closedAt").ValueKind);
        await fixture.Ana.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Domain}/{id}/cancel");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "APPROVED" });

        // Closed requests stay visible (30 days), and a new request for the same change may be made.
        Assert.Equal("CANCELLED", (await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Domain}/{id}")).Str("status"));
        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Admin}?status=CANCELLED&limit=1000");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.Str("id") == id);
        await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("ADD", "Internal", "orders"));
    }

    [Fact]
    public async Task Requests_AreValidated()
    {
        await TagAsync("Ops");
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Domain, Request("ADD", "NoSuchTag", "orders"));
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Domain, Request("RENAME", "Ops", "orders"));
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Domain, Request("ADD", "Ops", "orders", "nope"));
        // A denied column does not exist for ana.
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Domain, Request("ADD", "Ops", "orders", "cost"));
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Domain, new { requestType = "ADD", tagName = "Ops" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, Domain, Request("ADD", "Ops", "nope"));
        await fixture.Ana.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Domain, Request("REMOVE", "Ops", "orders"));
        await fixture.Nobody.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Domain, Request("ADD", "Ops", "orders"));
        await fixture.Ana.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Domain}/no-such-request");
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{Domain}?status=OPEN");
    }

    [Fact]
    public async Task Reviews_NeedAGovernor_ARejectComment_AndTheCurrentVersion()
    {
        await TagAsync("Legal");
        var created = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("ADD", "Legal", "events", "id"));
        var id = created.Str("id");
        await fixture.Ed.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "APPROVED" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "REJECTED" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "CANCELLED" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "IN_REVIEW" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "APPROVED", version = 7 });
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{Admin}/nope/review", new { status = "APPROVED" });

        var rejected = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/{id}/review",
            new { status = "REJECTED", comment = "ids are not legal data", version = created.GetProperty("version").GetInt64() });
        Assert.Equal("REJECTED", rejected.Str("status"));
        Assert.Equal("ids are not legal data", rejected.Str("comment"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Admin}/{id}/review", new { status = "APPROVED" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Domain}/{id}/cancel");
        var columns = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events/columns");
        Assert.Empty(columns.GetProperty("items").EnumerateArray().Single(c => c.Str("name") == "id").GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task ApprovedPii_MasksTheColumn_InTheAnalystsNextRead_AndRemovalUnmasksIt()
    {
        var tagId = await TagAsync("PII");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/tag/mask/policy", new
        {
            name = "hash-pii-for-ana",
            resources = new[] { new { tags = new[] { "PII" } } },
            dataMaskPolicyItems = new[] { new { users = new[] { "ana" }, dataMaskType = "MASK_HASH" } },
        });
        Assert.Equal(["1|ann@corp.eu"], await RowsAsync(fixture.Ana, "SELECT id, email FROM cat.people"));

        var created = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("ADD", "PII", "people", "email"));
        var approved = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/{created.Str("id")}/review",
            new { status = "APPROVED", comment = "emails are personal" });
        Assert.Equal("APPROVED", approved.Str("status"));

        var masked = await RowsAsync(fixture.Ana, "SELECT id, email FROM cat.people");
        Assert.Matches("^1\\|[0-9a-f]{64}$", Assert.Single(masked));
        Assert.Equal(["1|ann@corp.eu"], await RowsAsync(fixture.Admin, "SELECT id, email FROM cat.people"));
        var sample = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/people/sample");
        Assert.Matches("^[0-9a-f]{64}$", sample.GetProperty("rows")[0][1].GetString()!);

        // The tag shows in the catalog, its assets and the annotation source; the change was published.
        var columns = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/people/columns");
        Assert.Equal(["PII"], columns.GetProperty("items").EnumerateArray().Single(c => c.Str("name") == "email").GetProperty("tags")
            .EnumerateArray().Select(t => t.GetString()!).ToArray());
        var assets = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/{tagId}/assets");
        Assert.Contains(assets.GetProperty("items").EnumerateArray(), a => a.Str("tableName") == "people" && a.Str("columnName") == "email");
        Assert.Equal(1, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/{tagId}")).GetProperty("usageCount").GetInt64());
        var annotations = await fixture.Platform.Services.GetRequiredService<ITableAnnotationSource>()
            .GetAsync(new TableKey("spark_catalog", "cat", "people"), CancellationToken.None);
        Assert.Equal(["PII"], annotations!.Columns["email"].Tags);
        Assert.Contains(fixture.Events.CatalogEntries, e => e.Table == "people" && e.What == "CLASSIFICATION");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"{Tags}/{tagId}");
        await fixture.Ana.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Domain, Request("ADD", "PII", "people", "email"));

        // Removing it through a REMOVE request unmasks the next read.
        var remove = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("REMOVE", "PII", "people", "email"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/{remove.Str("id")}/review", new { status = "APPROVED" });
        Assert.Equal(["1|ann@corp.eu"], await RowsAsync(fixture.Ana, "SELECT id, email FROM cat.people"));
        Assert.Equal(0, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/{tagId}")).GetProperty("usageCount").GetInt64());
    }

    [Fact]
    public async Task ApprovedTableTag_ShowsInTheDetails()
    {
        await TagAsync("Gold");
        var created = await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Domain, Request("ADD", "Gold", "big_orders"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/{created.Str("id")}/review", new { status = "APPROVED" });
        var details = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/big_orders");
        Assert.Contains("Gold", details.GetProperty("classificationTags").EnumerateArray().Select(t => t.GetString()));
        var byName = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/name/gold/assets");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), a => a.Str("tableName") == "big_orders"
            && (!a.TryGetProperty("columnName", out var column) || column.ValueKind == JsonValueKind.Null));
    }
}
