using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class GetDomainClassificationRequest(CatalogTableAccess tables, ClassificationRequestStore requests)
{
    [Function("catalog-domain-classification-requests-get")]
    [OpenApiOperation("Classifications", "Get one of the domain's classification requests")]
    [OpenApiResponse(200, typeof(ClassificationRequest))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.DomainRequests + "/{requestId}")] HttpRequest request,
        string domain,
        string requestId,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var found = await requests.GetAsync(requestId, ct);
        return found is not null && found.RequestedFromDomainId == domain
            ? ApiResults.Ok(found)
            : throw new NotFoundException("Classification request", requestId);
    }
}
