using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListDomainClassificationRequests(CatalogTableAccess tables, ClassificationRequestStore requests)
{
    [Function("catalog-domain-classification-requests-list")]
    [OpenApiOperation("Classifications", "List the domain's classification requests", Description = "In review, and closed ones for 30 days; newest first.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "IN_REVIEW, APPROVED, REJECTED or CANCELLED")]
    [OpenApiQuery("mine", "true: only the caller's own requests", Type = "boolean")]
    [OpenApiResponse(200, typeof(Page<ClassificationRequest>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.DomainRequests)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: false, ct);
        var query = ClassificationAccess.Requests(request);
        var mine = string.Equals(ClassificationAccess.Text(request, "mine"), "true", StringComparison.OrdinalIgnoreCase);
        var filter = new ClassificationRequestFilter(domain, ClassificationAccess.StatusFilter(request), RequestedBy: mine ? caller.UserId : null);
        return ApiResults.Ok(await requests.ListAsync(filter, query, ct));
    }
}
