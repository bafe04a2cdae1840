using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;
using static Iomete.Functions.IcebergRest.Tests.Views.ViewTestData;

namespace Iomete.Functions.IcebergRest.Tests.Views;

/// <summary>Request validation, authorization and response shapes of the view endpoints.</summary>
public sealed class ViewApiTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private static readonly Lazy<SpecSchemas> Schemas = new(SpecSchemas.Load);

    private HttpClient Admin => fixture.Admin;

    private static void AssertConforms(string schema, JsonElement body)
    {
        var problems = Schemas.Value.Validate(schema, body);
        Assert.True(problems.Count == 0, $"{schema}: {string.Join("; ", problems)} in {body.GetRawText()}");
    }

    public static TheoryData<string, string> BadCreateBodies => new()
    {
        { CreateBody("ns", "view").Replace("\"dialect\":\"spark\"}]", "\"dialect\":\"spark\"},{\"type\":\"sql\",\"sql\":\"select 2\",\"dialect\":\"Spark\"}]", StringComparison.Ordinal), "multiple queries for dialect spark" },
        { CreateBody("ns", "view").Replace("\"type\":\"int\"", "\"type\":\"integer\"", StringComparison.Ordinal), "$.schema" },
        { CreateBody("ns", "view").Replace("\"view-version\"", "\"view-versions\"", StringComparison.Ordinal), "'view-version' is required" },
        { CreateBody("ns", "view").Replace("\"type\":\"sql\"", "\"type\":\"substrait\"", StringComparison.Ordinal), "unknown view representation type" },
        { CreateBody("ns", "a/b"), "Invalid view name" },
        { CreateBody("ns", "view", properties: """{"k":1}"""), "'properties.k' must be a string" },
        { CreateBody("ns", "view", location: "s3://elsewhere/views/v"), "must lie under the warehouse root" },
        { """{"name":"view"}""", "'schema' is required" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task CreateViewErrorCases_Return400BadRequestNamingTheProblem(string body, string reason)
    {
        var ns = await fixture.NamespaceAsync();

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, ViewsUrl(ns), body);
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns))).Names());
    }

    [Fact]
    public async Task CreateView_InAMissingNamespace_Returns404NoSuchNamespace()
    {
        var missing = Unique("missing");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, ViewsUrl(missing), CreateBody(missing, "view"));
    }

    [Fact]
    public async Task CreateView_WithALocationUnderTheWarehouse_WritesItsMetadataThere()
    {
        var ns = await fixture.NamespaceAsync();
        var warehouse = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/catalogs/{IcebergFixture.Catalog}")).GetProperty("warehouse").GetString()!;
        var location = $"{warehouse.TrimEnd('/')}/custom/{ns}/view";

        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view", location: location));

        Assert.Equal(location, created.GetProperty("metadata").GetProperty("location").GetString());
        Assert.StartsWith(location + "/metadata/00000-", created.MetadataLocation(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadCommits => new()
    {
        { Commit(null, """{"action":"make-it-so"}"""), "unknown view update action 'make-it-so'" },
        { Commit(null, """{"action":"set-current-schema","schema-id":0}"""), "unknown view update action 'set-current-schema'" },
        { """{"requirements":[{"type":"assert-table-uuid","uuid":"2cc52516-5e73-41f2-b139-545d41a4e151"}],"updates":[]}""", "unknown view requirement type 'assert-table-uuid'" },
        { Commit(null, """{"action":"set-current-view-version","view-version-id":42}"""), "unknown version: 42" },
        { Commit(null, AddVersion("ns", "select 1", schemaId: 7)), "unknown schema: 7" },
        { Commit(null, """{"action":"upgrade-format-version","format-version":2}"""), "unsupported view format version 2" },
        { Commit(null, """{"action":"set-location","location":"s3://elsewhere/v"}"""), "must lie under the warehouse root" },
        { Commit(null, SetProperties("version.history.num-entries", "0")), "version.history.num-entries" },
        { """{"requirements":[]}""", "'updates' is required" },
        { """{"identifier":{"namespace":["other"],"name":"view"},"updates":[]}""", "Invalid identifier" },
    };

    [Theory]
    [MemberData(nameof(BadCommits))]
    public async Task ReplaceViewErrorCases_Return400BadRequestAndChangeNothing(string body, string reason)
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        var error = await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, ViewUrl(ns, "view"), body);
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(created.MetadataLocation(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"))).MetadataLocation());
    }

    [Fact]
    public async Task RegisterView_WithAMissingOrForeignFile_Returns400()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");

        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "r1", ["metadata-location"] = created.MetadataLocation().Replace("00000-", "00009-", StringComparison.Ordinal) });
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "r2", ["metadata-location"] = "s3://elsewhere/m.metadata.json" });
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Register(ns), new Dictionary<string, string> { ["name"] = "r3" });
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, Register(Unique("missing")),
            new Dictionary<string, string> { ["name"] = "r4", ["metadata-location"] = created.MetadataLocation() });
    }

    [Fact]
    public async Task AUserWithoutTheCatalogManagerRole_MayReadViewsButNotChangeThem()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        using var reader = await fixture.UserAsync("view-reader");

        await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns));
        await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"));
        await reader.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Head, ViewUrl(ns, "view"));
        await reader.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "other"));
        await reader.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, ViewUrl(ns, "view"), Commit(created.Uuid(), SetProperties("k", "v")));
        await reader.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Delete, ViewUrl(ns, "view"));
        await reader.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, Rename, RenameBody(ns, "view", ns, "renamed"));
        await reader.ExpectErrorAsync(HttpStatusCode.Forbidden, "ForbiddenException", HttpMethod.Post, Register(ns),
            new Dictionary<string, string> { ["name"] = "r", ["metadata-location"] = created.MetadataLocation() });
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "NotAuthorizedException", HttpMethod.Get, ViewsUrl(ns));

        Assert.Equal(created.MetadataLocation(), (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view"))).MetadataLocation());
    }

    [Fact]
    public async Task ViewResponses_ConformToTheSpec()
    {
        var ns = await fixture.NamespaceAsync();
        var created = await fixture.CreateViewAsync(ns, "view");
        AssertConforms("LoadViewResult", created);
        AssertConforms("LoadViewResult", await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewUrl(ns, "view")));
        AssertConforms("LoadViewResult", await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewUrl(ns, "view"),
            Commit(created.Uuid(), AddSchema(OtherSchema), AddVersion(ns, "select 1"), SetCurrentLast)));
        AssertConforms("ListTablesResponse", await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ViewsUrl(ns)));
        AssertConforms("ListTablesResponse", await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{ViewsUrl(ns)}?pageToken=&pageSize=1"));
        AssertConforms("IcebergErrorResponse", await Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, ViewUrl(ns, "missing")));
        AssertConforms("IcebergErrorResponse", await Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view")));
    }

    [Fact]
    public async Task AMutationRepeatedWithTheSameIdempotencyKey_IsReplayedNotRedone()
    {
        var ns = await fixture.NamespaceAsync();
        var key = Guid.CreateVersion7().ToString();

        var (firstStatus, first) = await SendWithKeyAsync(HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view"), key);
        var (secondStatus, second) = await SendWithKeyAsync(HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view"), key);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(first!.RootElement.MetadataLocation(), second!.RootElement.MetadataLocation());
        var (thirdStatus, _) = await SendWithKeyAsync(HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, "view"), Guid.CreateVersion7().ToString());
        Assert.Equal(HttpStatusCode.Conflict, thirdStatus);
    }

    private async Task<(HttpStatusCode Status, JsonDocument? Body)> SendWithKeyAsync(HttpMethod method, string url, string body, string key)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text));
    }
}
