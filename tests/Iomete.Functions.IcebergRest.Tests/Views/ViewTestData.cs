using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Iceberg.IO;
using Microsoft.Extensions.DependencyInjection;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Views;

/// <summary>Request bodies and routes of the view endpoints, shaped as the Java RESTCatalog sends them.</summary>
internal static class ViewTestData
{
    public const string Schema =
        """{"type":"struct","schema-id":0,"fields":[{"id":1,"name":"id","required":true,"type":"int"},{"id":2,"name":"data","required":false,"type":"string"}]}""";

    public const string OtherSchema =
        """{"type":"struct","schema-id":1,"fields":[{"id":1,"name":"some_id","required":true,"type":"int"}]}""";

    public static string ViewsUrl(string ns) => $"{NsRoot()}/{Ns(ns)}/views";

    public static string ViewUrl(string ns, string name) => $"{ViewsUrl(ns)}/{Uri.EscapeDataString(name)}";

    public static string Rename => $"/catalogs/{IcebergFixture.Catalog}/v1/{IcebergFixture.Catalog}/views/rename";

    public static string Register(string ns) => $"{NsRoot()}/{Ns(ns)}/register-view";

    public static string Version(string ns, params (string Dialect, string Sql)[] queries) =>
        $$"""
        {"version-id":1,"timestamp-ms":1700000000000,"schema-id":0,"summary":{"engine-name":"spark","engine-version":"3.5"},
         "default-catalog":"{{IcebergFixture.Catalog}}","default-namespace":["{{ns}}"],
         "representations":[{{string.Join(",", queries.Select(q => $$"""{"type":"sql","sql":{{JsonSerializer.Serialize(q.Sql)}},"dialect":"{{q.Dialect}}"}"""))}}]}
        """;

    public static string CreateBody(string ns, string name, string sql = "select * from ns.tbl", string properties = """{"prop1":"val1"}""", string? location = null) =>
        $$"""
        {"name":"{{name}}",{{(location is null ? "" : $"\"location\":\"{location}\",")}}"schema":{{Schema}},
         "view-version":{{Version(ns, ("spark", sql))}},"properties":{{properties}}}
        """;

    public static string Commit(string? uuid, params string[] updates) =>
        $$"""{"requirements":[{{(uuid is null ? "" : $$"""{"type":"assert-view-uuid","uuid":"{{uuid}}"}""")}}],"updates":[{{string.Join(",", updates)}}]}""";

    public static string AddVersion(string ns, string sql, int schemaId = -1, string dialect = "spark") =>
        $$"""{"action":"add-view-version","view-version":{{Version(ns, (dialect, sql)).Replace("\"schema-id\":0", $"\"schema-id\":{schemaId}", StringComparison.Ordinal)}}}""";

    public const string SetCurrentLast = """{"action":"set-current-view-version","view-version-id":-1}""";

    public static string AddSchema(string schema) => $$"""{"action":"add-schema","schema":{{schema}}}""";

    public static string SetProperties(string key, string value) => $$$"""{"action":"set-properties","updates":{"{{{key}}}":"{{{value}}}"}}""";

    public static string RenameBody(string fromNs, string from, string toNs, string to) =>
        $$$"""{"source":{"namespace":["{{{fromNs}}}"],"name":"{{{from}}}"},"destination":{"namespace":["{{{toNs}}}"],"name":"{{{to}}}"}}""";

    public static async Task<string> NamespaceAsync(this IcebergFixture fixture, string prefix = "ns")
    {
        var ns = Unique(prefix);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { ns } });
        return ns;
    }

    public static Task<JsonElement> CreateViewAsync(this IcebergFixture fixture, string ns, string name, string sql = "select * from ns.tbl") =>
        fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, ViewsUrl(ns), CreateBody(ns, name, sql));

    /// <summary>Creates a table through the table endpoint (tables and views share one name space).</summary>
    public static Task<JsonElement> CreateTableRowAsync(this IcebergFixture fixture, string ns, string name) =>
        fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(ns)}/tables", $$"""{"name":"{{name}}","schema":{{Schema}}}""");

    /// <summary>The metadata files under a view's location, read through the catalog's own file IO.</summary>
    public static async Task<IReadOnlyList<string>> MetadataFilesAsync(this IcebergFixture fixture, JsonElement loadResult)
    {
        var io = fixture.Platform.Services.GetRequiredService<TableFileIO>();
        var files = new List<string>();
        await foreach (var (location, _) in io.ListAsync(loadResult.GetProperty("metadata").GetProperty("location").GetString() + "/metadata", CancellationToken.None))
        {
            files.Add(location);
        }
        return files;
    }

    public static string Uuid(this JsonElement loadResult) => loadResult.GetProperty("metadata").GetProperty("view-uuid").GetString()!;

    public static string MetadataLocation(this JsonElement loadResult) => loadResult.GetProperty("metadata-location").GetString()!;

    public static IReadOnlyList<string> Names(this JsonElement listResult) =>
        listResult.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
