using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class CancelClassificationRequest(CatalogTableAccess tables, ClassificationRequestStore requests, ClassificationReview review)
{
    [Function("catalog-domain-classification-requests-cancel")]
    [OpenApiOperation("Classifications", "Cancel my classification request", Description = "Only the requester, only while IN_REVIEW (409 otherwise).")]
    [OpenApiResponse(200, typeof(ClassificationRequest))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ClassificationAccess.DomainRequests + "/{requestId}/cancel")] HttpRequest request,
        string domain,
        string requestId,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: false, ct);
        var found = await requests.GetAsync(requestId, ct);
        if (found is null || found.RequestedFromDomainId != domain)
        {
            throw new NotFoundException("Classification request", requestId);
        }
        if (found.RequestedByUserId != caller.UserId)
        {
            throw new ForbiddenException("Only the requester can cancel a classification request.");
        }
        return ApiResults.Ok(await review.CancelAsync(found, caller.UserId, ct));
    }
}
