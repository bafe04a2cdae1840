using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListTableClassificationRequests(CatalogTableAccess tables, ClassificationRequestStore requests)
{
    [Function("catalog-domain-classification-requests-by-table")]
    [OpenApiOperation("Classifications", "List the domain's classification requests on one table (and its columns)")]
    [OpenApiPaged]
    [OpenApiQuery("status", "IN_REVIEW, APPROVED, REJECTED or CANCELLED")]
    [OpenApiResponse(200, typeof(Page<ClassificationRequest>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.DomainRequests + "/catalog/{catalog}/schema/{schema}/table/{table}")]
        HttpRequest request,
        string domain,
        string catalog,
        string schema,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var key = new TableKey(catalog, schema, table);
        await tables.LoadAsync(request, key, ct);
        var filter = new ClassificationRequestFilter(domain, ClassificationAccess.StatusFilter(request), key);
        return ApiResults.Ok(await requests.ListAsync(filter, ClassificationAccess.Requests(request), ct));
    }
}
