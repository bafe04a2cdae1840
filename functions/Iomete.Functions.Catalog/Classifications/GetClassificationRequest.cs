using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class GetClassificationRequest(ICallerAccessor callers, ClassificationRequestStore requests)
{
    [Function("catalog-classification-requests-get")]
    [OpenApiOperation("Classifications", "Get a classification request")]
    [OpenApiResponse(200, typeof(ClassificationRequest))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminRequests + "/{requestId}")] HttpRequest request,
        string requestId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        return ApiResults.Ok(await requests.GetAsync(requestId, ct) ?? throw new NotFoundException("Classification request", requestId));
    }
}
