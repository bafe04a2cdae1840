using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Iceberg.Types;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Planning;

/// <summary>Server-side scan planning: planTableScan, fetchPlanningResult, cancelPlanning, fetchScanTasks.</summary>
public sealed class ScanPlanningTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private static readonly Lazy<SpecSchemas> Schemas = new(SpecSchemas.Load);

    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task PlanTableScan_PrunesByPartitionAndColumnBounds_AndResultsConformToTheSpec()
    {
        var (ns, location) = await PartitionedTableAsync();
        await TableFiles.AppendAsync(Admin, Table(ns, "t"),
        [
            TableFiles.DataFile(location, "a", 10, "a", [(1, IcebergTypes.Long, 1L, 10L)]),
            TableFiles.DataFile(location, "b", 10, "b", [(1, IcebergTypes.Long, 11L, 20L)]),
        ]);
        await TableFiles.AppendAsync(Admin, Table(ns, "t"), [TableFiles.DataFile(location, "c", 10, "c", [(1, IcebergTypes.Long, 21L, 30L)])]);

        var all = await PlanAsync(ns, new { });
        Assert.Equal("completed", all.GetProperty("status").GetString());
        Assert.Equal([$"{location}/data/a.parquet", $"{location}/data/b.parquet", $"{location}/data/c.parquet"], TableFiles.FilePaths(all));
        AssertConforms("PlanTableScanResult", all);

        var byPartition = await PlanAsync(ns, new { filter = new { type = "eq", term = "category", value = "b" } });
        Assert.Equal([$"{location}/data/b.parquet"], TableFiles.FilePaths(byPartition));
        var byBounds = await PlanAsync(ns, new Dictionary<string, object>
        {
            ["filter"] = new { type = "and", left = new { type = "gt", term = "id", value = 15 }, right = new { type = "lt-eq", term = "id", value = 22 } },
            ["stats-fields"] = new[] { "id" },
        });
        Assert.Equal([$"{location}/data/b.parquet", $"{location}/data/c.parquet"], TableFiles.FilePaths(byBounds));
        AssertConforms("PlanTableScanResult", byBounds);
        var none = await PlanAsync(ns, new { filter = new { type = "gt", term = "id", value = 100 } });
        Assert.Empty(TableFiles.FilePaths(none));
    }

    [Fact]
    public async Task PlanTableScan_OfAnOlderSnapshot_SeesOnlyItsFiles()
    {
        var (ns, location) = await PartitionedTableAsync();
        var first = await TableFiles.AppendAsync(Admin, Table(ns, "t"), [TableFiles.DataFile(location, "a", 5, "a", [(1, IcebergTypes.Long, 1L, 5L)])]);
        await TableFiles.AppendAsync(Admin, Table(ns, "t"), [TableFiles.DataFile(location, "b", 5, "b", [(1, IcebergTypes.Long, 6L, 9L)])]);
        var old = await PlanAsync(ns, new Dictionary<string, object> { ["snapshot-id"] = first.CurrentSnapshotId! });
        Assert.Equal([$"{location}/data/a.parquet"], TableFiles.FilePaths(old));
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Table(ns, "t") + "/plan",
            new Dictionary<string, object> { ["snapshot-id"] = 12345 });
    }

    [Fact]
    public async Task LargePlans_ComeBackAsPlanTasks_ThatFetchScanTasksServes_AndCancelForgets()
    {
        var (ns, location) = await PartitionedTableAsync();
        var files = Enumerable.Range(0, 1001).Select(i => TableFiles.DataFile(location, $"f{i:D4}", 1, "a", [(1, IcebergTypes.Long, (long)i, (long)i)])).ToList();
        await TableFiles.AppendAsync(Admin, Table(ns, "t"), files);

        var planned = await PlanAsync(ns, new { });
        var planId = planned.GetProperty("plan-id").GetString()!;
        var tasks = planned.GetProperty("plan-tasks").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.False(planned.TryGetProperty("file-scan-tasks", out _));
        var fetched = new List<string>();
        foreach (var task in tasks)
        {
            var chunk = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t") + "/tasks", new Dictionary<string, string> { ["plan-task"] = task });
            AssertConforms("FetchScanTasksResult", chunk);
            fetched.AddRange(TableFiles.FilePaths(chunk));
        }
        Assert.Equal(files.Select(f => f.FilePath).Order(), fetched.Order());

        var again = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Table(ns, "t")}/plan/{planId}");
        AssertConforms("FetchPlanningResult", again);
        Assert.Equal(tasks, again.GetProperty("plan-tasks").EnumerateArray().Select(t => t.GetString()!));

        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Table(ns, "t")}/plan/{planId}");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchPlanIdException", HttpMethod.Get, $"{Table(ns, "t")}/plan/{planId}");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchPlanTaskException", HttpMethod.Post, Table(ns, "t") + "/tasks",
            new Dictionary<string, string> { ["plan-task"] = tasks[0] });
    }

    [Theory]
    [InlineData("""{"filter":{"type":"eq","term":"nope","value":1}}""")]
    [InlineData("""{"filter":{"type":"between","term":"id","value":1}}""")]
    [InlineData("""{"filter":{"type":"eq","term":"id","value":"not a number"}}""")]
    [InlineData("""{"start-snapshot-id":1,"end-snapshot-id":2}""")]
    [InlineData("""{"stats-fields":["nope"]}""")]
    [InlineData("""{"snapshot-id":"x"}""")]
    public async Task PlanTableScan_WithABadRequest_Returns400(string body)
    {
        var (ns, _) = await PartitionedTableAsync();
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, Table(ns, "t") + "/plan", body);
    }

    private async Task<JsonElement> PlanAsync(string ns, object body) =>
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t") + "/plan", body);

    private async Task<(string Ns, string Location)> PartitionedTableAsync()
    {
        var ns = await Admin.NamespaceAsync("plan");
        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, TablesOf(ns), CreateBody("t",
            Schema((1, "id", "long", true), (2, "category", "string", false)),
            spec: new { fields = new object[] { new Dictionary<string, object> { ["source-id"] = 2, ["transform"] = "identity", ["name"] = "category" } } }));
        return (ns, created.GetProperty("metadata").GetProperty("location").GetString()!);
    }

    private static void AssertConforms(string schema, JsonElement body)
    {
        var problems = Schemas.Value.Validate(schema, body);
        Assert.True(problems.Count == 0, $"{schema}: {string.Join("; ", problems)} in {body.GetRawText()[..Math.Min(2000, body.GetRawText().Length)]}");
    }
}
