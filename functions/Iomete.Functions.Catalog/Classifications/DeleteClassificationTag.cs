using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class DeleteClassificationTag(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-delete")]
    [OpenApiOperation("Classifications", "Delete an unused classification tag", Description = "409 while the tag is assigned or a request for it is in review.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ClassificationAccess.AdminTags + "/{tagId}")] HttpRequest request,
        string tagId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: false);
        return await tags.DeleteAsync(tagId, ct) ? ApiResults.NoContent() : throw new NotFoundException("Classification tag", tagId);
    }
}
