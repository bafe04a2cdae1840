using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Spec;

/// <summary>The bodies of every exercised endpoint validate against the spec's schemas.</summary>
public sealed class SpecConformanceTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private static readonly Lazy<SpecSchemas> Schemas = new(SpecSchemas.Load);

    private static void AssertConforms(string schema, JsonElement body)
    {
        var problems = Schemas.Value.Validate(schema, body);
        Assert.True(problems.Count == 0, $"{schema}: {string.Join("; ", problems)} in {body.GetRawText()}");
    }

    [Fact]
    public void TheValidator_RejectsWrongShapes()
    {
        AssertConforms("IcebergErrorResponse", Parse("""{"error":{"message":"m","type":"T","code":404}}"""));
        Assert.NotEmpty(Schemas.Value.Validate("IcebergErrorResponse", Parse("""{"error":{"message":"m","type":"T","code":404},"extra":1}""")));
        Assert.NotEmpty(Schemas.Value.Validate("IcebergErrorResponse", Parse("""{"error":{"message":"m","code":404}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("IcebergErrorResponse", Parse("""{"error":{"message":"m","type":"T","code":200}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("CatalogConfig", Parse("""{"defaults":{}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("CatalogConfig", Parse("""{"defaults":{"a":1},"overrides":{}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("ListNamespacesResponse", Parse("""{"namespaces":[["a",2]]}""")));
        Assert.NotEmpty(Schemas.Value.Validate("UpdateNamespacePropertiesResponse", Parse("""{"updated":[]}""")));
        Assert.NotEmpty(Schemas.Value.Validate("GetNamespaceResponse", Parse("""{"properties":{}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("LoadTableResult", Parse("""{"metadata-location":"x"}""")));
        Assert.NotEmpty(Schemas.Value.Validate("LoadTableResult", Parse("""{"metadata":{"format-version":"2","table-uuid":"u"}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("LoadTableResult", Parse("""{"metadata":{"format-version":2,"table-uuid":"u","schemas":[{"type":"struct","fields":[{"id":"1"}]}]}}""")));
        Assert.NotEmpty(Schemas.Value.Validate("CommitTableResponse", Parse("""{"metadata":{"format-version":2,"table-uuid":"u"}}""")));
    }

    [Fact]
    public async Task ConfigAndNamespaceResponses_ConformToTheSpec()
    {
        var admin = fixture.Admin;
        AssertConforms("CatalogConfig", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/config?warehouse={IcebergFixture.Catalog}"));

        var name = Unique("spec");
        AssertConforms("CreateNamespaceResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(),
            new { @namespace = new[] { name }, properties = new Dictionary<string, string> { ["a"] = "1" } }));
        AssertConforms("CreateNamespaceResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name, "child" } }));
        AssertConforms("GetNamespaceResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(name)}"));
        AssertConforms("ListNamespacesResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot()));
        AssertConforms("ListNamespacesResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}?parent={Ns(name)}&pageToken=&pageSize=1"));
        AssertConforms("UpdateNamespacePropertiesResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties",
            new { removals = new[] { "a", "missing" }, updates = new Dictionary<string, string> { ["b"] = "2" } }));
    }

    [Fact]
    public async Task ErrorResponses_ConformToIcebergErrorResponse()
    {
        var admin = fixture.Admin;
        using var anonymous = fixture.Platform.Anonymous();
        using var reader = await fixture.UserAsync("spec-reader");
        var name = Unique("spec");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name, "child" } });

        var errors = new (HttpClient Client, HttpStatusCode Status, HttpMethod Method, string Url, object? Body)[]
        {
            (anonymous, HttpStatusCode.Unauthorized, HttpMethod.Get, NsRoot(), null),
            (reader, HttpStatusCode.Forbidden, HttpMethod.Post, NsRoot(), new { @namespace = new[] { Unique("x") } }),
            (admin, HttpStatusCode.BadRequest, HttpMethod.Post, NsRoot(), "{"),
            (admin, HttpStatusCode.NotFound, HttpMethod.Get, $"{NsRoot()}/{Ns(Unique("missing"))}"!, null),
            (admin, HttpStatusCode.NotFound, HttpMethod.Get, NsRoot("no_such_catalog"), null),
            (admin, HttpStatusCode.NotFound, HttpMethod.Get, $"/catalogs/{IcebergFixture.Catalog}/v1/nothing/here/at/all", null),
            (admin, HttpStatusCode.MethodNotAllowed, HttpMethod.Patch, NsRoot(), "{}"),
            (admin, HttpStatusCode.Conflict, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } }),
            (admin, HttpStatusCode.Conflict, HttpMethod.Delete, $"{NsRoot()}/{Ns(name)}", null),
            (admin, (HttpStatusCode)422, HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties", new { removals = new[] { "k" }, updates = new Dictionary<string, string> { ["k"] = "v" } }),
        };
        foreach (var (client, status, method, url, body) in errors)
        {
            AssertConforms("IcebergErrorResponse", await client.ExpectAsync(status, method, url, body));
        }
    }

    [Fact]
    public async Task TableResponses_ConformToTheSpec()
    {
        var admin = fixture.Admin;
        var ns = await admin.NamespaceAsync("spec");
        var created = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TableRequests.TablesOf(ns),
            TableRequests.CreateBody("t", TableRequests.Schema((1, "id", "long", true), (2, "ts", "timestamptz", false), (3, "amount", "decimal(10, 2)", false),
                (4, "tags", "string", false))));
        AssertConforms("LoadTableResult", created);
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        AssertConforms("CommitTableResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TableRequests.Table(ns, "t"),
            TableRequests.AppendCommit(5, null, 1, location)));
        AssertConforms("LoadTableResult", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.Table(ns, "t")));
        AssertConforms("LoadTableResult", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.Table(ns, "t") + "?snapshots=refs"));
        AssertConforms("LoadTableResult", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TableRequests.TablesOf(ns),
            TableRequests.CreateBody("staged", stage: true)));
        AssertConforms("ListTablesResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.TablesOf(ns)));
        AssertConforms("ListTablesResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.TablesOf(ns) + "?pageToken=&pageSize=1"));
        AssertConforms("LoadCredentialsResponse", await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, TableRequests.Table(ns, "t") + "/credentials"));
        AssertConforms("IcebergErrorResponse", await admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, TableRequests.Table(ns, "t"),
            TableRequests.AppendCommit(6, null, 1, location)));
        AssertConforms("IcebergErrorResponse", await admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, TableRequests.Table(ns, "none")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
