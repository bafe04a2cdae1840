using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Scan;

namespace Iomete.Iceberg.Tests.Scan;

public sealed class ScanTasksJsonTests : IDisposable
{
    private readonly TestTable table = new();

    public void Dispose() => table.Dispose();

    private async Task<JsonObject> PlanJsonAsync(IReadOnlyCollection<int>? stats)
    {
        var plan = await new ScanPlanner(table.IO).PlanAsync(new TableScan(table.Metadata), default);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            ScanTasksJson.WriteMembers(writer, plan, table.Metadata, stats);
            writer.WriteEndObject();
        }
        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }

    [Fact]
    public async Task WriteMembers_ListsEachDeleteFileOnce_AndTasksReferenceThemByIndex()
    {
        await table.CommitAsync([table.File("d1", ["a"], 10), table.File("d2", ["a"], 10)]);
        await table.CommitAsync([], [Files.EqualityDeletes(table.DataPath("eq"), ["a"]), Files.PositionDeletes(table.DataPath("pos"), ["a"])]);

        var json = await PlanJsonAsync(null);

        var deletes = json["delete-files"]!.AsArray();
        Assert.Equal(2, deletes.Count);
        Assert.Equal(["position-deletes", "equality-deletes"], deletes.Select(d => d!["content"]!.GetValue<string>()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal([1], deletes.Single(d => d!["content"]!.GetValue<string>() == "equality-deletes")!["equality-ids"]!.AsArray().Select(n => n!.GetValue<int>()));
        var tasks = json["file-scan-tasks"]!.AsArray();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal([0, 1], t!["delete-file-references"]!.AsArray().Select(n => n!.GetValue<int>()).Order()));
        var data = tasks[0]!["data-file"]!;
        Assert.Equal(("data", "parquet", 0, "a", 10L), (data["content"]!.GetValue<string>(), data["file-format"]!.GetValue<string>(),
            data["spec-id"]!.GetValue<int>(), data["partition"]![0]!.GetValue<string>(), data["record-count"]!.GetValue<long>()));
        Assert.Null(data["lower-bounds"]);
    }

    [Fact]
    public async Task WriteMembers_WritesPartitionValuesAndRequestedStatsInTheSpecForms()
    {
        table.Evolve(new PartitionField(5, 1000, "category", Transform.Identity), new PartitionField(3, 1001, "ts_day", Transform.Day));
        var day = IcebergValues.Date(new DateOnly(2024, 1, 5));
        await table.CommitAsync([table.File("d", [null, day], 10,
            (3, Files.Micros("2024-01-05T01:00:00Z"), Files.Micros("2024-01-05T02:00:00.5Z"), 0, null),
            (6, 1.5m, 2.25m, 1, null),
            (1, 1L, 9L, 0, null))]);

        var json = await PlanJsonAsync([3, 6]);

        var data = json["file-scan-tasks"]![0]!["data-file"]!;
        Assert.Equal("""[null,"2024-01-05"]""", data["partition"]!.ToJsonString());
        Assert.Equal("""{"keys":[3,6],"values":["2024-01-05T01:00:00.000000+00:00","1.50"]}""",
            data["lower-bounds"]!.ToJsonString().Replace("\\u002B", "+", StringComparison.Ordinal));
        Assert.Equal("""{"keys":[3,6],"values":[0,1]}""", data["null-value-counts"]!.ToJsonString());
        Assert.Equal("""{"keys":[3,6],"values":[10,10]}""", data["value-counts"]!.ToJsonString());
    }
}
