using System.Text;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Planning;

public sealed class FetchScanTasks(CatalogGate gate, ScanPlanStore plans)
{
    [Function("iceberg-tables-tasks")]
    [OpenApiOperation("Iceberg REST catalog", "Fetch the file scan tasks of a plan task")]
    [OpenApiRequestBody(typeof(FetchScanTasksRequestDoc))]
    [OpenApiResponse(200, typeof(System.Text.Json.Nodes.JsonObject), Description = "FetchScanTasksResult")]
    [OpenApiResponse(404, Description = "NoSuchPlanTaskException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/tasks")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var token = IcebergRequest.RequiredString(body, "plan-task");
        var chunk = PlanTaskToken.TryParse(token, out var planId, out var index) ? await plans.TaskAsync(planId, index, target.Table, ct) : null;
        return chunk is null
            ? throw new ApiException(404, Errors.IcebergErrors.NoSuchPlanTask, "Not found", $"Plan task does not exist (or expired): {token}")
            : new IcebergJsonResult(200, Encoding.UTF8.GetBytes(chunk), null);
    }
}

/// <summary>The spec's FetchScanTasksRequest.</summary>
public sealed record FetchScanTasksRequestDoc([property: System.Text.Json.Serialization.JsonPropertyName("plan-task")] string PlanTask);
