using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListClassificationRequests(ICallerAccessor callers, ClassificationRequestStore requests)
{
    [Function("catalog-classification-requests-list")]
    [OpenApiOperation("Classifications", "List classification requests of every domain", Description = "In review, and closed ones for 30 days; newest first.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "IN_REVIEW, APPROVED, REJECTED or CANCELLED")]
    [OpenApiQuery("domain", "Only requests made from this domain")]
    [OpenApiQuery("tagId", "Only requests for this tag")]
    [OpenApiResponse(200, typeof(Page<ClassificationRequest>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminRequests)] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        var filter = new ClassificationRequestFilter(ClassificationAccess.Text(request, "domain"), ClassificationAccess.StatusFilter(request),
            TagId: ClassificationAccess.Text(request, "tagId"));
        return ApiResults.Ok(await requests.ListAsync(filter, ClassificationAccess.Requests(request), ct));
    }
}
