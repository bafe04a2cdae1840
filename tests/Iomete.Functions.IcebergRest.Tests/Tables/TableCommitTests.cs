using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Tables;

/// <summary>updateTable, commitTransaction, ETags and Idempotency-Key (RCK CatalogTests ports named in the tests).</summary>
public sealed class TableCommitTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task TestUpdateTableSchema_AddsAColumnAndMovesTheMetadataPointer()
    {
        var ns = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(ns, "t");
        var committed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "extra"));
        var metadata = committed.GetProperty("metadata");
        Assert.Equal(1, metadata.GetProperty("current-schema-id").GetInt32());
        Assert.Equal(3, metadata.GetProperty("last-column-id").GetInt32());
        var location = committed.GetProperty("metadata-location").GetString()!;
        Assert.Contains("/metadata/00001-", location, StringComparison.Ordinal);
        var log = metadata.GetProperty("metadata-log");
        Assert.Equal(created.GetProperty("metadata-location").GetString(), log[0].GetProperty("metadata-file").GetString());

        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
        Assert.Equal(location, loaded.GetProperty("metadata-location").GetString());
    }

    [Fact]
    public async Task TestUpdateTableSchemaConflict_StaleRequirementReturns409CommitFailed()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "t");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "first"));
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "second"));
    }

    [Theory]
    [InlineData("""{"requirements":[],"updates":[{"action":"explode"}]}""")]
    [InlineData("""{"requirements":[{"type":"assert-everything"}],"updates":[]}""")]
    [InlineData("""{"requirements":[]}""")]
    [InlineData("""{"requirements":[],"updates":[{"action":"set-current-schema","schema-id":42}]}""")]
    [InlineData("""{"requirements":[],"updates":[{"action":"set-properties","updates":{"a":1}}]}""")]
    [InlineData("""{"identifier":{"namespace":["other"],"name":"t"},"requirements":[],"updates":[]}""")]
    [InlineData("""not json""")]
    public async Task UpdateTable_WithABadCommit_Returns400AndLeavesTheTable(string body)
    {
        var ns = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(ns, "t");
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Table(ns, "t"), body);
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
        Assert.Equal(created.GetProperty("metadata-location").GetString(), loaded.GetProperty("metadata-location").GetString());
    }

    [Fact]
    public async Task UpdateTable_OnAMissingTable_Returns404NoSuchTable()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Post, Table(ns, "none"), AddColumn(0, 2, 3, "x"));
    }

    [Fact]
    public async Task LoadTable_IfNoneMatch_Returns304UntilACommitChangesTheETag()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "t");
        var first = await GetAsync(Table(ns, "t"), null);
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(Table(ns, "t"), etag)).StatusCode);

        var refs = await GetAsync(Table(ns, "t") + "?snapshots=refs", null);
        Assert.NotEqual(etag, refs.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(Table(ns, "t") + "?snapshots=some", null)).StatusCode);

        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "x"));
        var changed = await GetAsync(Table(ns, "t"), etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task LoadTable_SnapshotsRefs_OmitsSnapshotsNoRefPointsAt()
    {
        var ns = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(ns, "t");
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AppendCommit(11, null, 1, location));
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AppendCommit(12, 11, 2, location));

        var all = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
        Assert.Equal(2, all.GetProperty("metadata").GetProperty("snapshots").GetArrayLength());
        var refs = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t") + "?snapshots=refs");
        var snapshots = refs.GetProperty("metadata").GetProperty("snapshots");
        Assert.Equal(12, Assert.Single(snapshots.EnumerateArray()).GetProperty("snapshot-id").GetInt64());
    }

    [Fact]
    public async Task TestCreateTransaction_StageCreateThenAssertCreateCommitCreatesTheTable()
    {
        var ns = await Admin.NamespaceAsync();
        var staged = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TablesOf(ns), CreateBody("t", stage: true));
        Assert.Equal(JsonValueKind.Null, staged.GetProperty("metadata-location").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.SendJsonAsync(HttpMethod.Head, Table(ns, "t"))).Status);

        var metadata = staged.GetProperty("metadata");
        var uuid = metadata.GetProperty("table-uuid").GetString();
        var commit = new
        {
            requirements = new object[] { new { type = "assert-create" } },
            updates = new object[]
            {
                new { action = "assign-uuid", uuid },
                new Dictionary<string, object> { ["action"] = "upgrade-format-version", ["format-version"] = 2 },
                new { action = "add-schema", schema = JsonSerializer.Deserialize<object>(metadata.GetProperty("schemas")[0].GetRawText()) },
                new Dictionary<string, object> { ["action"] = "set-current-schema", ["schema-id"] = -1 },
                new { action = "add-spec", spec = new Dictionary<string, object> { ["spec-id"] = 0, ["fields"] = Array.Empty<object>() } },
                new Dictionary<string, object> { ["action"] = "set-default-spec", ["spec-id"] = -1 },
                new Dictionary<string, object> { ["action"] = "add-sort-order", ["sort-order"] = new Dictionary<string, object> { ["order-id"] = 0, ["fields"] = Array.Empty<object>() } },
                new Dictionary<string, object> { ["action"] = "set-default-sort-order", ["sort-order-id"] = -1 },
                new { action = "set-location", location = metadata.GetProperty("location").GetString() },
                new { action = "set-properties", updates = new Dictionary<string, string> { ["created-by"] = "test" } },
            },
        };
        var committed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), commit);
        Assert.Equal(uuid, committed.GetProperty("metadata").GetProperty("table-uuid").GetString());
        Assert.Equal("test", committed.GetProperty("metadata").GetProperty("properties").GetProperty("created-by").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.SendJsonAsync(HttpMethod.Head, Table(ns, "t"))).Status);

        // testConcurrentCreateTransaction: a second create transaction for the same name loses.
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, Table(ns, "t"), commit);
    }

    [Fact]
    public async Task CommitTransaction_IsAllOrNothingAcrossTables()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "a");
        await Admin.CreateTableAsync(ns, "b");
        var levels = ns.Split("%1F").Select(Uri.UnescapeDataString).ToArray();
        object Change(string table, int schemaId, string column)
        {
            var change = JsonSerializer.SerializeToNode(AddColumn(schemaId, 2, 3, column))!.AsObject();
            change["identifier"] = JsonSerializer.SerializeToNode(new { @namespace = levels, name = table });
            return change;
        }
        var txUrl = $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/transactions/commit";

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, txUrl, new Dictionary<string, object>
        {
            ["table-changes"] = new[] { Change("a", 0, "x"), Change("b", 0, "x") },
        });
        var a = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "a"));
        var b = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "b"));
        Assert.Equal(1, a.GetProperty("metadata").GetProperty("current-schema-id").GetInt32());
        Assert.Equal(1, b.GetProperty("metadata").GetProperty("current-schema-id").GetInt32());

        // b's requirement is stale now: neither table may change.
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "CommitFailedException", HttpMethod.Post, txUrl, new Dictionary<string, object>
        {
            ["table-changes"] = new[] { Change("a", 1, "y"), Change("b", 0, "y") },
        });
        var aAfter = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "a"));
        Assert.Equal(a.GetProperty("metadata-location").GetString(), aAfter.GetProperty("metadata-location").GetString());
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Post, txUrl, new Dictionary<string, object>
        {
            ["table-changes"] = new[] { Change("missing", 0, "y") },
        });
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, txUrl, """{"table-changes":[]}""");
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheFirstResponse_EvenWhenARetryWouldConflict()
    {
        var ns = await Admin.NamespaceAsync();
        var key = Guid.CreateVersion7().ToString();
        var first = await SendWithKeyAsync(HttpMethod.Post, TablesOf(ns), CreateBody("t"), key);
        var second = await SendWithKeyAsync(HttpMethod.Post, TablesOf(ns), CreateBody("t"), key);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body, second.Body);

        var commitKey = Guid.CreateVersion7().ToString();
        var commit1 = await SendWithKeyAsync(HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "x"), commitKey);
        var commit2 = await SendWithKeyAsync(HttpMethod.Post, Table(ns, "t"), AddColumn(0, 2, 3, "x"), commitKey);
        Assert.Equal(HttpStatusCode.OK, commit2.Status);
        Assert.Equal(commit1.Body, commit2.Body);
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
        Assert.Equal(2, loaded.GetProperty("metadata").GetProperty("schemas").GetArrayLength());

        // A terminal 4xx is replayed too; the key cannot be reused for another request.
        var dropKey = Guid.CreateVersion7().ToString();
        Assert.Equal(HttpStatusCode.NotFound, (await SendWithKeyAsync(HttpMethod.Delete, Table(ns, "nope"), null, dropKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendWithKeyAsync(HttpMethod.Delete, Table(ns, "nope"), null, dropKey)).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendWithKeyAsync(HttpMethod.Delete, Table(ns, "t"), null, dropKey)).Status);
    }

    /// <summary>add-schema with one new optional column, asserting the current schema id.</summary>
    private static object AddColumn(int currentSchemaId, int lastColumnId, int newId, string name) => new
    {
        requirements = new object[] { new Dictionary<string, object> { ["type"] = "assert-current-schema-id", ["current-schema-id"] = currentSchemaId } },
        updates = new object[]
        {
            new
            {
                action = "add-schema",
                schema = Schema((1, "id", "long", true), (2, "data", "string", false), (newId, name, "int", false)),
            },
            new Dictionary<string, object> { ["action"] = "set-current-schema", ["schema-id"] = -1 },
        },
    };

    private async Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(ifNoneMatch));
        }
        return await Admin.SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendWithKeyAsync(HttpMethod method, string url, object? body, string key)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Admin.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
