using System.Net;
using System.Text.Json;

namespace Iomete.Functions.IcebergRest.Tests.Support;

/// <summary>Bodies and helpers for the table routes.</summary>
internal static class TableRequests
{
    public static object Schema(params (int Id, string Name, string Type, bool Required)[] fields) => new Dictionary<string, object>
    {
        ["type"] = "struct",
        ["schema-id"] = 0,
        ["fields"] = fields.Select(f => new Dictionary<string, object> { ["id"] = f.Id, ["name"] = f.Name, ["type"] = f.Type, ["required"] = f.Required }).ToArray(),
    };

    public static object SimpleSchema() => Schema((1, "id", "long", true), (2, "data", "string", false));

    public static object CreateBody(string name, object? schema = null, Dictionary<string, string>? properties = null, bool stage = false, object? spec = null) =>
        new Dictionary<string, object?>
        {
            ["name"] = name,
            ["schema"] = schema ?? SimpleSchema(),
            ["properties"] = properties ?? new Dictionary<string, string>(),
            ["stage-create"] = stage,
            ["partition-spec"] = spec,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static string TablesOf(string ns) => $"{IcebergFixture.NsRoot()}/{ns}/tables";

    public static string Table(string ns, string table) => $"{TablesOf(ns)}/{Uri.EscapeDataString(table)}";

    /// <summary>Creates a namespace (one level) and returns its path segment.</summary>
    public static async Task<string> NamespaceAsync(this HttpClient admin, string prefix = "t")
    {
        var name = IcebergFixture.Unique(prefix);
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, IcebergFixture.NsRoot(), new { @namespace = new[] { name } });
        return IcebergFixture.Ns(name);
    }

    public static async Task<JsonElement> CreateTableAsync(this HttpClient admin, string ns, string name, object? schema = null) =>
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TablesOf(ns), CreateBody(name, schema));

    /// <summary>A snapshot to add (the catalog does not read manifest lists on commit).</summary>
    public static object Snapshot(long id, long? parent, long sequenceNumber, string location) => new Dictionary<string, object?>
    {
        ["snapshot-id"] = id,
        ["parent-snapshot-id"] = parent,
        ["sequence-number"] = sequenceNumber,
        ["timestamp-ms"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["manifest-list"] = $"{location}/metadata/snap-{id}.avro",
        ["summary"] = new Dictionary<string, string> { ["operation"] = "append" },
        ["schema-id"] = 0,
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>A commit that appends snapshot <paramref name="id"/> on main, asserting main is still at <paramref name="parent"/>.</summary>
    public static object AppendCommit(long id, long? parent, long sequenceNumber, string location) => new
    {
        requirements = new object[] { new Dictionary<string, object?> { ["type"] = "assert-ref-snapshot-id", ["ref"] = "main", ["snapshot-id"] = parent } },
        updates = new object[]
        {
            new { action = "add-snapshot", snapshot = Snapshot(id, parent, sequenceNumber, location) },
            new Dictionary<string, object> { ["action"] = "set-snapshot-ref", ["ref-name"] = "main", ["type"] = "branch", ["snapshot-id"] = id },
        },
    };
}
