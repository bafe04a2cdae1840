using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class GetTableSample(CatalogTableAccess tables, SampleQueries samples)
{
    [Function("catalog-tables-sample-get")]
    [OpenApiOperation("Data catalog", "Sample a table's rows",
        Description = "Runs SELECT * … LIMIT 100 through the SQL service as the caller (row filters and masks apply) and returns its columns and rows.")]
    [OpenApiResponse(200, typeof(TableSampleView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(502)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/sample")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: false, ct);
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        if (entry.Table?.DataPolicy is { Readable: false } policy)
        {
            throw new ForbiddenException($"Reading '{catalog}.{database}.{table}' is not allowed ({policy.Reason}).");
        }
        return ApiResults.Ok(await samples.RunAsync(request, caller.UserId, domain, TableShapes.SelectSnippet(key), ct));
    }
}
