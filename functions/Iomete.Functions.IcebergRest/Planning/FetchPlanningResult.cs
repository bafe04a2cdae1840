using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Planning;

public sealed class FetchPlanningResult(CatalogGate gate, ScanPlanStore plans)
{
    [Function("iceberg-tables-plan-get")]
    [OpenApiOperation("Iceberg REST catalog", "Fetch the result of a scan plan", Description = "Plans are kept for one hour.")]
    [OpenApiResponse(200, typeof(System.Text.Json.Nodes.JsonObject), Description = "FetchPlanningResult with status completed")]
    [OpenApiResponse(404, Description = "NoSuchPlanIdException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{planId}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        string planId,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var count = await plans.TaskCountAsync(planId, target.Table, ct) ?? throw NoSuchPlan(planId);
        var inline = count == 1 ? await plans.TaskAsync(planId, 0, target.Table, ct) : null;
        return new IcebergJsonResult(200, ScanPlanResponses.Completed(planId, count, inline), null);
    }

    internal static ApiException NoSuchPlan(string planId) =>
        new(404, Errors.IcebergErrors.NoSuchPlanId, "Not found", $"Scan plan does not exist (or expired): {planId}");
}

public sealed class CancelPlanning(CatalogGate gate, ScanPlanStore plans)
{
    [Function("iceberg-tables-plan-cancel")]
    [OpenApiOperation("Iceberg REST catalog", "Cancel a scan plan", Description = "Planning completes within its request, so this forgets the plan and its tasks.")]
    [OpenApiResponse(204, Description = "Forgotten")]
    [OpenApiResponse(404, Description = "NoSuchPlanIdException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{planId}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        string planId,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        return await plans.DeleteAsync(planId, target.Table, ct) ? new StatusOnlyResult(204) : throw FetchPlanningResult.NoSuchPlan(planId);
    }
}
