using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Scan;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Planning;

public sealed class PlanTableScan(CatalogGate gate, TableCommitter tables, ScanPlanner planner, ScanPlanStore plans, TableReadAccess reads)
{
    /// <summary>File scan tasks per plan task; a plan with more is returned as plan tasks to fetch.</summary>
    public const int TasksPerPlanTask = 1000;

    [Function("iceberg-tables-plan")]
    [OpenApiOperation("Iceberg REST catalog", "Plan a table scan on the server",
        Description = "Plans the files of a snapshot (default: current) pruned by partition values and column bounds for the filter. " +
                      "Planning completes within the request: small plans come back inline, large ones as plan tasks for fetchScanTasks. " +
                      "Incremental scans (start-snapshot-id) are not supported.")]
    [OpenApiRequestBody(typeof(PlanTableScanRequestDoc))]
    [OpenApiResponse(200, typeof(JsonObject), Description = "PlanTableScanResult with status completed")]
    [OpenApiResponse(400, Description = "A bad filter, an unknown column or snapshot, or an incremental scan")]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/plan")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        if (body["start-snapshot-id"] is not null || body["end-snapshot-id"] is not null)
        {
            throw IcebergErrors.BadRequestError("Incremental scans (start-snapshot-id, end-snapshot-id) are not supported; plan a snapshot instead.");
        }
        var filter = body["filter"] is { } filterNode ? IcebergRequest.Parse(() => ExpressionJson.Read(filterNode, "$.filter")) : Expression.True;
        var caseSensitive = body["case-sensitive"] is null || IcebergRequest.OptionalBool(body, "case-sensitive");
        var (_, loaded) = await tables.LoadAsync(target.Table, ct);
        await reads.RequireScanAsync(request, target, loaded.Metadata.CurrentSchema, ct);
        var scan = new TableScan(loaded.Metadata)
        {
            SnapshotId = ReadLong(body, "snapshot-id"),
            Filter = filter,
            CaseSensitive = caseSensitive,
            UseSnapshotSchema = IcebergRequest.OptionalBool(body, "use-snapshot-schema"),
        };
        ScanPlan plan;
        try
        {
            plan = await planner.PlanAsync(scan, ct);
        }
        catch (Exception ex) when (ex is SnapshotNotFoundException or IcebergFormatException or ArgumentException)
        {
            throw IcebergErrors.BadRequestError(ex.Message);
        }
        FieldIds(plan, body, "select", caseSensitive);
        var statsIds = FieldIds(plan, body, "stats-fields", caseSensitive);

        var chunks = plan.Tasks.Chunk(TasksPerPlanTask).Select(c => ScanPlanResponses.Chunk(plan, c, loaded.Metadata, statsIds)).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add(ScanPlanResponses.Chunk(plan, [], loaded.Metadata, statsIds));
        }
        var planId = Guid.CreateVersion7().ToString("N");
        await plans.SaveAsync(planId, target.Table, chunks, ct);
        return new IcebergJsonResult(200, ScanPlanResponses.Completed(planId, chunks.Count, chunks.Count == 1 ? chunks[0] : null), null);
    }

    private static long? ReadLong(JsonObject body, string name) =>
        body[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<long>(out var l) => l,
            _ => throw IcebergErrors.BadRequestError($"Invalid request: '{name}' must be an integer."),
        };

    /// <summary>Ids of the named fields; 400 for a name the scan's schema does not have.</summary>
    private static List<int>? FieldIds(ScanPlan plan, JsonObject body, string member, bool caseSensitive)
    {
        if (body[member] is null)
        {
            return null;
        }
        if (body[member] is not JsonArray names)
        {
            throw IcebergErrors.BadRequestError($"Invalid request: '{member}' must be an array of field names.");
        }
        return names.Select(n =>
        {
            var name = n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw IcebergErrors.BadRequestError($"Invalid request: '{member}' must hold strings.");
            return plan.Schema.FindField(name, caseSensitive)?.Id ?? throw IcebergErrors.BadRequestError($"Invalid request: {member} names unknown field '{name}'.");
        }).ToList();
    }
}

/// <summary>The spec's PlanTableScanRequest (for the OpenAPI document).</summary>
public sealed record PlanTableScanRequestDoc(
    [property: System.Text.Json.Serialization.JsonPropertyName("snapshot-id")] long? SnapshotId,
    [property: System.Text.Json.Serialization.JsonPropertyName("select")] IReadOnlyList<string>? Select,
    [property: System.Text.Json.Serialization.JsonPropertyName("filter")] JsonObject? Filter,
    [property: System.Text.Json.Serialization.JsonPropertyName("case-sensitive")] bool? CaseSensitive,
    [property: System.Text.Json.Serialization.JsonPropertyName("use-snapshot-schema")] bool? UseSnapshotSchema,
    [property: System.Text.Json.Serialization.JsonPropertyName("stats-fields")] IReadOnlyList<string>? StatsFields);
