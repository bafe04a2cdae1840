using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Results;

/// <summary>The whole stored result as a file: CSV, JSON lines, Parquet or the Arrow IPC stream as stored.</summary>
public sealed class DownloadQueryResults(ICallerAccessor callers, IAccessControl domainAccess, QueryAccess access, QueryStore store, ResultStore results)
{
    [Function("sql-queries-results-download")]
    [OpenApiOperation("SQL queries", "Download a completed query's result (EXPORT_SQL_EDITOR)")]
    [OpenApiQuery("format", "csv (default), jsonl, parquet or arrow")]
    [OpenApiResponse(200, ContentType = "text/csv")]
    [OpenApiResponse(404)]
    [OpenApiResponse(409, Description = "The query has not completed")]
    [OpenApiResponse(410, Description = "The result expired")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/queries/{id}/results/download")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var format = request.Query["format"].ToString().ToLowerInvariant();
        if (format.Length == 0)
        {
            format = "csv";
        }
        if (format is not ("csv" or "jsonl" or "parquet" or "arrow"))
        {
            throw ValidationException.ForField("format", "must be csv, jsonl, parquet or arrow");
        }
        var row = await access.RequireQueryAsync(caller, domain, id, ct);
        await domainAccess.RequireDomainPermissionAsync(caller, domain, DomainPermission.ExportSqlEditor, ct);
        var key = ResultAccess.RequireReadable(row, store.NowMs)
                  ?? throw new ConflictException($"Query '{id}' returned no rows to download.");
        var names = (row.ParsedColumns ?? []).Select(c => c.Name).ToList();
        return format switch
        {
            "csv" => new AttachmentResult("text/csv; charset=utf-8", $"{id}.csv", (o, t) => TextFormats.WriteCsvAsync(results, key, names, o, t)),
            "jsonl" => new AttachmentResult("application/x-ndjson; charset=utf-8", $"{id}.jsonl", (o, t) => TextFormats.WriteJsonLinesAsync(results, key, names, o, t)),
            "parquet" => new AttachmentResult("application/vnd.apache.parquet", $"{id}.parquet", (o, t) => ParquetExport.WriteAsync(results, key, o, t)),
            _ => new AttachmentResult(ResultStore.ContentType, $"{id}.arrow", async (o, t) =>
            {
                await using var stored = await results.OpenAsync(key, t);
                await stored.CopyToAsync(o, t);
            }),
        };
    }
}
