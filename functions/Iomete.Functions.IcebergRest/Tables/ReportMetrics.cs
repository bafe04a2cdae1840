using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed partial class ReportMetrics(CatalogGate gate, TableCommitter tables, ILogger<ReportMetrics> logger)
{
    [Function("iceberg-tables-metrics")]
    [OpenApiOperation("Iceberg REST catalog", "Report scan or commit metrics",
        Description = "Accepts a ScanReport or CommitReport from an engine and records it in the service log.")]
    [OpenApiRequestBody(typeof(ReportMetricsRequestDoc))]
    [OpenApiResponse(204, Description = "Accepted")]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/metrics")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var type = IcebergRequest.RequiredString(body, "report-type");
        if (type is not ("scan-report" or "commit-report" or "ScanReport" or "CommitReport"))
        {
            throw IcebergErrors.BadRequestError($"Invalid report-type '{type}': expected scan-report or commit-report.");
        }
        IcebergRequest.RequiredString(body, "table-name");
        if (body["snapshot-id"] is null || body["metrics"] is not System.Text.Json.Nodes.JsonObject)
        {
            throw IcebergErrors.BadRequestError("Invalid report: 'snapshot-id' and an object 'metrics' are required.");
        }
        await tables.LoadAsync(target.Table, ct);
        LogReport(logger, type, target.Table.ToString(), body["snapshot-id"]!.ToJsonString(), body["metrics"]!.ToJsonString());
        return new StatusOnlyResult(204);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ReportType} for {Table} at snapshot {SnapshotId}: {Metrics}")]
    private static partial void LogReport(ILogger logger, string reportType, string table, string snapshotId, string metrics);
}
