using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;

namespace Iomete.Functions.IcebergRest.Planning;

/// <summary>JSON bodies of the planning routes: ScanTasks chunks, completed results with inline tasks or plan tasks.</summary>
internal static class ScanPlanResponses
{
    /// <summary>One plan task's ScanTasks body: its file scan tasks and the delete files they reference.</summary>
    public static string Chunk(ScanPlan plan, IReadOnlyList<FileScanTask> tasks, TableMetadata metadata, IReadOnlyCollection<int>? statsFieldIds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            ScanTasksJson.WriteMembers(writer, plan with { Tasks = tasks }, metadata, statsFieldIds);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A completed result: the only chunk inline, or the plan tasks to fetch.</summary>
    public static byte[] Completed(string planId, int taskCount, string? inlineChunk)
    {
        var result = inlineChunk is null ? new JsonObject() : JsonNode.Parse(inlineChunk)!.AsObject();
        result["status"] = "completed";
        result["plan-id"] = planId;
        if (inlineChunk is null)
        {
            result["plan-tasks"] = new JsonArray(Enumerable.Range(0, taskCount).Select(i => (JsonNode)PlanTaskToken.Format(planId, i)).ToArray());
        }
        return Encoding.UTF8.GetBytes(result.ToJsonString());
    }
}

/// <summary>A plan task is <c>{plan-id}:{index}</c>; opaque to clients.</summary>
internal static class PlanTaskToken
{
    public static string Format(string planId, int index) => planId + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string token, out string planId, out int index)
    {
        planId = "";
        index = -1;
        var colon = token.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(token.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
        {
            return false;
        }
        planId = token[..colon];
        return true;
    }
}
