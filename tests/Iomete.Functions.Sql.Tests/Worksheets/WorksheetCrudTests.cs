using System.Net;
using System.Text;
using Iomete.Functions.Sql.Worksheets;
using Iomete.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Sql.Tests.Worksheets;

public sealed class WorksheetCrudTests(SqlPlatformFixture fixture) : IClassFixture<SqlPlatformFixture>
{
    private const string Root = "/api/v1/domains/default/sql";
    private HttpClient Admin => fixture.Admin;

    private Task<System.Text.Json.JsonElement> CreateAsync(HttpClient client, string workspaceId, string name, string content = "SELECT 1", string? folderId = null) =>
        client.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId, name, folderId, content, compute = "local", catalog = "spark_catalog", database = "default", variables = new { limit = "10" } });

    [Fact]
    public async Task CreateWorksheet_StoresTheSqlTextInObjectStorage_AndMetadataInTheDb()
    {
        var created = await CreateAsync(Admin, "my", "daily report", "SELECT 42 AS answer");
        var id = created.Str("id");

        Assert.Equal("My Workspace/daily report", created.Str("path"));
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        var store = fixture.Platform.Services.GetRequiredService<IObjectStore>();
        var key = $"iomete-assets/sql-editor/worksheets/{id}.sql";
        Assert.NotNull(await store.HeadAsync(key, CancellationToken.None));
        await using (var stream = await store.OpenReadAsync(key, null, CancellationToken.None))
        {
            Assert.Equal("SELECT 42 AS answer", await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync());
        }

        var read = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{id}");
        Assert.Equal("SELECT 42 AS answer", read.Str("content"));
        var sheet = read.GetProperty("worksheet");
        Assert.Equal("local", sheet.Str("compute"));
        Assert.Equal("spark_catalog", sheet.Str("catalog"));
        Assert.Equal("default", sheet.Str("database"));
        Assert.Equal("10", sheet.GetProperty("variables").Str("limit"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("what?")]
    [InlineData("x:y")]
    [InlineData("star*")]
    [InlineData("pipe|")]
    [InlineData("<tag>")]
    [InlineData("quote\"")]
    [InlineData("   ")]
    public async Task CreateWorksheet_WithAForbiddenName_Returns400ProblemJson(string name)
    {
        var problem = await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId = "my", name, content = "SELECT 1" });
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task CreateWorksheet_WithANameOver100Characters_Returns400_AndExactly100IsAccepted()
    {
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/worksheets",
            new { workspaceId = "my", name = new string('n', 101) });
        await CreateAsync(Admin, "my", new string('n', 100));
    }

    [Fact]
    public async Task RenameDuplicateAndMove_KeepContentAndReportFullPaths()
    {
        var outer = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/workspaces/my/folders", new { name = SqlPlatformFixture.Unique("outer") });
        var inner = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/workspaces/my/folders", new { name = "inner", parentId = outer.Str("id") });
        Assert.Equal($"My Workspace/{outer.Str("name")}/inner", inner.Str("path"));
        var id = (await CreateAsync(Admin, "my", "draft", "SELECT 'moved'")).Str("id");

        var renamed = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/worksheets/{id}/rename", new { name = "final" });
        Assert.Equal("final", renamed.Str("name"));
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/worksheets/{id}/rename", new { name = "bad/name" });

        var moved = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/worksheets/{id}/move", new { workspaceId = "my", folderId = inner.Str("id") });
        Assert.Equal($"My Workspace/{outer.Str("name")}/inner/final", moved.Str("path"));
        var inFolder = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets?workspaceId=my&folderId={inner.Str("id")}");
        Assert.Equal(id, Assert.Single(inFolder.GetProperty("items").EnumerateArray()).Str("id"));

        var copy = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets/{id}/duplicate");
        Assert.NotEqual(id, copy.Str("id"));
        Assert.Equal("final (copy)", copy.Str("name"));
        Assert.Equal(inner.Str("id"), copy.Str("folderId"));
        Assert.Equal("SELECT 'moved'", (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{copy.Str("id")}")).Str("content"));

        var toShared = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/worksheets/{id}/move", new { workspaceId = "shared" });
        Assert.Equal("shared", toShared.Str("workspaceId"));
        Assert.Equal("Shared/final", toShared.Str("path"));
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, $"{Root}/worksheets/{id}/move", new { workspaceId = "my", folderId = "no-such-folder" });
        await Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Delete, $"{Root}/workspaces/my/folders/{outer.Str("id")}");
    }

    [Fact]
    public async Task Save_WithAStaleVersion_Returns409_WhileARetriedSaveIsIdempotent()
    {
        var id = (await CreateAsync(Admin, "my", "concurrent")).Str("id");
        var first = new { content = "SELECT 2", compute = "local", catalog = "spark_catalog", database = "default", variables = new { limit = "10" }, version = 1 };

        var saved = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/worksheets/{id}", first);
        Assert.Equal(2, saved.GetProperty("version").GetInt64());
        var retried = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/worksheets/{id}", first);
        Assert.Equal(2, retried.GetProperty("version").GetInt64());

        await Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/worksheets/{id}",
            new { content = "SELECT 'other editor'", version = 1 });
        Assert.Equal("SELECT 2", (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{id}")).Str("content"));

        var viaIfMatch = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/worksheets/{id}", new { content = "SELECT 3" },
            r => r.Headers.TryAddWithoutValidation("If-Match", "\"2\""));
        Assert.Equal(3, viaIfMatch.GetProperty("version").GetInt64());
        var (status, _, response) = await Admin.SendAsync(HttpMethod.Get, $"{Root}/worksheets/{id}");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        }
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{Root}/worksheets/{id}", new { content = "SELECT 4" });
    }

    [Fact]
    public async Task Delete_IsSoft_AndOnlyTheOwnerCanRestore()
    {
        var (_, bob) = await fixture.UserAsync("bob", "MANAGE_SHARED_WORKSHEET");
        var id = (await CreateAsync(Admin, "shared", SqlPlatformFixture.Unique("soft"), "SELECT 'kept'")).Str("id");

        await bob.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/worksheets/{id}");
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/worksheets/{id}");
        var live = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets?workspaceId=shared");
        Assert.DoesNotContain(live.GetProperty("items").EnumerateArray(), w => w.Str("id") == id);
        var deleted = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets?deleted=true");
        Assert.Contains(deleted.GetProperty("items").EnumerateArray(), w => w.Str("id") == id && w.GetProperty("deletedAt").ValueKind != System.Text.Json.JsonValueKind.Null);

        var (_, carolClient) = await fixture.UserAsync("carol", "MANAGE_SHARED_WORKSHEET");
        await carolClient.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, $"{Root}/worksheets/{id}/restore");

        var restored = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/worksheets/{id}/restore");
        Assert.False(restored.TryGetProperty("deletedAt", out var deletedAt) && deletedAt.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("SELECT 'kept'", (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{id}")).Str("content"));
        await Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, $"{Root}/worksheets/{id}/restore");
    }

    [Fact]
    public async Task List_PagesSortsAndSearchesWithinAWorkspace()
    {
        var folder = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/workspaces/my/folders", new { name = SqlPlatformFixture.Unique("paging") });
        foreach (var name in new[] { "alpha sales", "beta sales", "gamma costs" })
        {
            await CreateAsync(Admin, "my", name, folderId: folder.Str("id"));
        }
        var url = $"{Root}/worksheets?workspaceId=my&folderId={folder.Str("id")}";

        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url + "&sort=-name&limit=2");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(["gamma costs", "beta sales"], page.GetProperty("items").EnumerateArray().Select(w => w.Str("name")));
        var second = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url + "&sort=-name&limit=2&offset=2");
        Assert.Equal("alpha sales", Assert.Single(second.GetProperty("items").EnumerateArray()).Str("name"));
        var search = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, url + "&search=SALES");
        Assert.Equal(2, search.GetProperty("total").GetInt64());
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, url + "&sort=size");
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}/worksheets");
    }

    [Fact]
    public async Task Import_OfASqlFile_CreatesAWorksheet_AsMultipartOrRawBody()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("SELECT * FROM orders"));
        form.Add(file, "file", "orders report.sql");
        var imported = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets/import?workspaceId=my", form);
        Assert.Equal("orders report", imported.Str("name"));
        Assert.Equal("SELECT * FROM orders", (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{imported.Str("id")}")).Str("content"));

        var raw = new StringContent("SELECT 'raw'", Encoding.UTF8, "application/sql");
        var rawImported = await Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/worksheets/import?workspaceId=my&name=raw%20one", raw);
        Assert.Equal("raw one", rawImported.Str("name"));
        Assert.Equal("SELECT 'raw'", (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/worksheets/{rawImported.Str("id")}")).Str("content"));

        using var notSql = new MultipartFormDataContent { { new ByteArrayContent([1, 2]), "file", "data.csv" } };
        await Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/worksheets/import?workspaceId=my", notSql);
    }

    [Fact]
    public void Names_FollowIometesRule()
    {
        Assert.Equal("ok name", NameRules.Validate("  ok name "));
        Assert.Equal(100, NameRules.CopyOf(new string('x', 100)).Length);
    }
}
