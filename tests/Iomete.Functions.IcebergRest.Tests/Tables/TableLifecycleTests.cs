using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Tables;

/// <summary>Create, load, exists, list, drop, rename and register (ports of the RCK CatalogTests named in each test).</summary>
public sealed class TableLifecycleTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task TestBasicCreateTable_AssignsFreshIdsAndAMetadataLocation()
    {
        var ns = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(ns, "t1", Schema((7, "id", "long", true), (9, "name", "string", false)));
        var location = created.GetProperty("metadata-location").GetString()!;
        Assert.Contains("/metadata/00000-", location, StringComparison.Ordinal);
        var metadata = created.GetProperty("metadata");
        Assert.Equal(2, metadata.GetProperty("format-version").GetInt32());
        var fields = metadata.GetProperty("schemas")[0].GetProperty("fields");
        Assert.Equal([1, 2], fields.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        Assert.Equal(2, metadata.GetProperty("last-column-id").GetInt32());

        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t1"));
        Assert.Equal(location, loaded.GetProperty("metadata-location").GetString());
        Assert.Equal(metadata.GetProperty("table-uuid").GetString(), loaded.GetProperty("metadata").GetProperty("table-uuid").GetString());
    }

    [Fact]
    public async Task TestBasicCreateTableThatAlreadyExists_Returns409()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "t1");
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, TablesOf(ns), CreateBody("t1"));
    }

    [Fact]
    public async Task TestCompleteCreateTable_KeepsSpecPropertiesAndLocation()
    {
        var ns = await Admin.NamespaceAsync();
        var spec = new { fields = new object[] { new Dictionary<string, object> { ["source-id"] = 1, ["transform"] = "bucket[16]", ["name"] = "id_bucket" } } };
        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TablesOf(ns),
            CreateBody("t1", properties: new Dictionary<string, string> { ["owner"] = "alice", ["format-version"] = "2" }, spec: spec));
        var metadata = created.GetProperty("metadata");
        Assert.Equal("alice", metadata.GetProperty("properties").GetProperty("owner").GetString());
        Assert.False(metadata.GetProperty("properties").TryGetProperty("format-version", out _));
        var field = metadata.GetProperty("partition-specs")[0].GetProperty("fields")[0];
        Assert.Equal("bucket[16]", field.GetProperty("transform").GetString());
        Assert.Equal(1000, field.GetProperty("field-id").GetInt32());
    }

    [Fact]
    public async Task CreateTable_InAMissingNamespace_Returns404NoSuchNamespace()
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, TablesOf(Ns(Unique("missing"))), CreateBody("t"));
    }

    [Theory]
    [InlineData("""{"schema":{"type":"struct","fields":[]}}""")]
    [InlineData("""{"name":"t"}""")]
    [InlineData("""{"name":"t","schema":{"type":"struct","fields":[{"id":1,"name":"a","type":"varchar","required":true}]}}""")]
    [InlineData("""{"name":"t","schema":{"type":"struct","fields":[]},"partition-spec":{"fields":[{"source-id":99,"transform":"identity","name":"x"}]}}""")]
    [InlineData("""{"name":"t","schema":{"type":"struct","fields":[]},"location":"file:///elsewhere/t"}""")]
    [InlineData("""{"name":"a/b","schema":{"type":"struct","fields":[]}}""")]
    [InlineData("""{"name":"t","schema":{"type":"struct","fields":[]},"properties":{"format-version":"9"}}""")]
    [InlineData("""{"name":"t","schema":{"type":"struct","fields":[]},"stage-create":"yes"}""")]
    public async Task CreateTable_WithAnInvalidBody_Returns400(string body)
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, TablesOf(ns), body);
    }

    [Fact]
    public async Task TestLoadMissingTable_Returns404NoSuchTable_AndMissingNamespace404NoSuchNamespace()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Get, Table(ns, "nope"));
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, Table(Ns(Unique("gone")), "nope"));
    }

    [Fact]
    public async Task TableExists_Returns204ThenAfterDrop404()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "t1");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.SendJsonAsync(HttpMethod.Head, Table(ns, "t1"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.SendJsonAsync(HttpMethod.Delete, Table(ns, "t1"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.SendJsonAsync(HttpMethod.Head, Table(ns, "t1"))).Status);
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Delete, Table(ns, "t1"));
    }

    [Fact]
    public async Task TestDropNonEmptyNamespace_Returns409UntilTheTableIsDropped()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "t1");
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "NamespaceNotEmptyException", HttpMethod.Delete, $"{NsRoot()}/{ns}");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Table(ns, "t1"));
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{ns}");
    }

    [Fact]
    public async Task TestListTables_InNameOrderWithPages()
    {
        var ns = await Admin.NamespaceAsync();
        foreach (var name in new[] { "c", "a", "b" })
        {
            await Admin.CreateTableAsync(ns, name);
        }
        var all = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TablesOf(ns));
        Assert.Equal(["a", "b", "c"], Names(all));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next-page-token").ValueKind);

        var first = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesOf(ns)}?pageToken=&pageSize=2");
        Assert.Equal(["a", "b"], Names(first));
        var token = first.GetProperty("next-page-token").GetString();
        var second = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesOf(ns)}?pageToken={token}&pageSize=2");
        Assert.Equal(["c"], Names(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next-page-token").ValueKind);
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, TablesOf(Ns(Unique("none"))));
    }

    [Fact]
    public async Task TestRenameTable_MovesItAcrossNamespaces()
    {
        var from = await Admin.NamespaceAsync();
        var to = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(from, "t1");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, Rename(), RenameBody(from, "t1", to, "t2"));
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(to, "t2"));
        Assert.Equal(created.GetProperty("metadata-location").GetString(), loaded.GetProperty("metadata-location").GetString());
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Get, Table(from, "t1"));
    }

    [Fact]
    public async Task RenameTable_ErrorCases_MissingSource404_TakenDestination409_MissingNamespace404()
    {
        var ns = await Admin.NamespaceAsync();
        await Admin.CreateTableAsync(ns, "a");
        await Admin.CreateTableAsync(ns, "b");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Post, Rename(), RenameBody(ns, "missing", ns, "c"));
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, Rename(), RenameBody(ns, "a", ns, "b"));
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, Rename(), RenameBody(ns, "a", Ns(Unique("none")), "a"));
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Rename(), """{"source":{"namespace":["x"]}}""");
    }

    [Fact]
    public async Task TestRegisterTable_FromAnotherTablesMetadataFile_AndRegisterExisting409()
    {
        var ns = await Admin.NamespaceAsync();
        var created = await Admin.CreateTableAsync(ns, "src");
        var location = created.GetProperty("metadata-location").GetString()!;
        var registered = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{ns}/register",
            new Dictionary<string, object> { ["name"] = "copy", ["metadata-location"] = location });
        Assert.Equal(location, registered.GetProperty("metadata-location").GetString());
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, $"{NsRoot()}/{ns}/register",
            new Dictionary<string, object> { ["name"] = "copy", ["metadata-location"] = location });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{ns}/register",
            new Dictionary<string, object> { ["name"] = "copy", ["metadata-location"] = location, ["overwrite"] = true });
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NotFoundException", HttpMethod.Post, $"{NsRoot()}/{ns}/register",
            new Dictionary<string, object> { ["name"] = "ghost", ["metadata-location"] = location.Replace("00000-", "00042-", StringComparison.Ordinal) });
    }

    private static string Rename() => $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/tables/rename";

    private static object RenameBody(string fromNs, string from, string toNs, string to) => new
    {
        source = new { @namespace = Levels(fromNs), name = from },
        destination = new { @namespace = Levels(toNs), name = to },
    };

    private static string[] Levels(string ns) => ns.Split("%1F").Select(Uri.UnescapeDataString).ToArray();

    private static IReadOnlyList<string> Names(JsonElement list) =>
        list.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
